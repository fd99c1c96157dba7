using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>Evaluates what <c>bicep snapshot</c> leaves unevaluated because it needs the target cloud: string literals,
/// <c>format(…)</c> and <c>environment().suffixes.*</c> (Azure public cloud). Anything else (<c>reference(…)</c>: a value
/// only known once deployed) is not evaluated: <see cref="TryEvaluate"/> returns null.</summary>
internal static class ArmExpression
{
    private static readonly JsonObject PublicCloud = new()
    {
        ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" },
    };

    public static string? TryEvaluate(string value)
    {
        if (!value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        try
        {
            var parser = new Parser(value[1..^1]);
            var result = parser.Expression();
            return parser.AtEnd ? result?.GetValue<string>() : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public JsonNode? Expression()
        {
            SkipSpaces();
            JsonNode? value = text[_at] == '\'' ? JsonValue.Create(Literal()) : Call();
            while (_at < text.Length && text[_at] == '.')
            {
                _at++;
                value = value?[Name()] ?? throw new NotSupportedException("unknown property");
            }

            return value;
        }

        private JsonNode? Call()
        {
            var name = Name();
            Expect('(');
            var arguments = new List<JsonNode?>();
            SkipSpaces();
            while (text[_at] != ')')
            {
                arguments.Add(Expression());
                SkipSpaces();
                if (text[_at] == ',')
                {
                    _at++;
                }
            }

            Expect(')');
            return name switch
            {
                "environment" => PublicCloud.DeepClone(),
                "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, arguments[0]!.GetValue<string>(), [.. arguments.Skip(1).Select(a => a?.GetValue<string>())])),
                _ => throw new NotSupportedException($"{name}() is only known at deployment"),
            };
        }

        private string Literal()
        {
            var builder = new StringBuilder();
            _at++;
            while (true)
            {
                if (text[_at] == '\'' && _at + 1 < text.Length && text[_at + 1] == '\'')
                {
                    builder.Append('\'');
                    _at += 2;
                }
                else if (text[_at] == '\'')
                {
                    _at++;
                    return builder.ToString();
                }
                else
                {
                    builder.Append(text[_at++]);
                }
            }
        }

        private string Name()
        {
            var start = _at;
            while (_at < text.Length && char.IsAsciiLetterOrDigit(text[_at]))
            {
                _at++;
            }

            return start == _at ? throw new NotSupportedException("expected a name") : text[start.._at];
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (text[_at++] != c)
            {
                throw new NotSupportedException($"expected '{c}'");
            }
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
