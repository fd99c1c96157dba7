using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>A scalar. <see cref="Type"/> follows the YAML 1.2 core schema for plain scalars (what editors assume too);
/// quoted scalars are always text.</summary>
internal sealed partial record ScalarNode(string Value, bool IsPlain, SourcePosition Position) : Node(Position)
{
    public ScalarType Type => !IsPlain ? ScalarType.Text : Resolve(Value);

    public bool IsNull => Type == ScalarType.Null;

    public override string Shape => Type switch
    {
        ScalarType.Null => "nothing",
        ScalarType.Boolean => "a true/false value",
        ScalarType.Number => "a number",
        _ => "text",
    };

    private static ScalarType Resolve(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarType.Null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarType.Boolean;
        }

        return NumberPattern().IsMatch(value) ? ScalarType.Number : ScalarType.Text;
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
