using AnatomyBot.Core.Anatomy.Parsing;
using YamlDotNet.Core;

namespace AnatomyBot.Core.Anatomy;

/// <summary>Parses <c>anatomy.yml</c> strictly and reports every error at once, each with its line and column
/// (codes in <see cref="AnatomyDiagnosticCodes"/>). Safe on hostile input: anchors and aliases are refused before
/// anything is expanded, nesting and size are capped, and nothing is thrown.</summary>
public static class AnatomyParser
{
    public static AnatomyParseResult Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        if (yaml.Length > ParseLimits.MaxChars)
        {
            return Fail(AnatomyDiagnosticCodes.TooLarge, $"the text is larger than {ParseLimits.MaxChars / (1024 * 1024)} MiB", new SourcePosition(1, 1));
        }

        Node? root;
        using var reader = new StringReader(yaml);
        var builder = new YamlTreeBuilder(new Parser(reader), diagnostics);
        try
        {
            root = builder.Build();
        }
        catch (FatalParseException fatal)
        {
            return new AnatomyParseResult(null, [fatal.Diagnostic]);
        }
        catch (YamlException syntax)
        {
            return Fail(AnatomyDiagnosticCodes.YamlSyntax, SyntaxMessage(syntax), YamlTreeBuilder.ToPosition(syntax.Start));
        }
#pragma warning disable CA1031 // The YAML scanner throws other exception types on some malformed input (found by fuzzing); Parse must not throw.
        catch (Exception failure) when (failure is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
#pragma warning restore CA1031
        {
            return Fail(AnatomyDiagnosticCodes.YamlSyntax, "invalid YAML after this point; the YAML reader could not continue", builder.LastPosition);
        }

        if (root is null || root is ScalarNode { IsNull: true })
        {
            return Fail(AnatomyDiagnosticCodes.EmptyDocument, "the file holds no YAML document; start with 'version: 1'", new SourcePosition(1, 1));
        }

        var anatomy = AnatomyDocumentReader.Read(root, diagnostics);
        return new AnatomyParseResult(anatomy, diagnostics.ToSortedList());
    }

    private static AnatomyParseResult Fail(string code, string message, SourcePosition position) =>
        new(null, [new AnatomyDiagnostic(code, DiagnosticSeverity.Error, message, position)]);

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is printed separately.</summary>
    private static string SyntaxMessage(YamlException exception)
    {
        var message = exception.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
        return $"invalid YAML: {message.Trim().TrimEnd('.')}";
    }
}
