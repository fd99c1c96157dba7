using System.Text;
using CsCheck;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>Text an attacker would write: references and mentions by the thousand, patterns that make backtracking
/// matchers quadratic, globs, markup, lone surrogates, controls and very long lines, mixed with random Unicode.</summary>
internal static class HostileText
{
    private static readonly string[] Fragments =
    [
        "#1", "#12345678901234567890", "AB#7", "ab#", "acme/shop#3", "../..#4", "owner/repo#", "https://github.com/acme/shop/issues/9",
        "http://a", "https://dev.azure.com/org/proj/_workitems/edit/5", "_workitems/edit/", "@octocat", "@", "Fixes #", "closes AB#1",
        "Stage: ST-1", "Outcome: O-1", "Component: C-1", "Logic: L-1", "Stage:", "*a", "**/", "a/**/b", "[", "]", "(", ")", "{", "}",
        "\"", "'", "\\", "`", "```", "<!--", "-->", "<!-- anatomybot:trace -->", "<script>", "&amp;", "&#", "|", "\r\n", "\n", "\t",
        "\0", "\u0085", "\u2028", "\u200B", "\u202E", "\uFEFF", "\uD800", "\uDFFF", "😀", "Ω", "ﬁ", "İ", "ß", " ", "%00", "%2e%2e",
        "&", "=", "+", "0x", "-", "1e309", "NaN", "null", "true", "~", ":", "- ", "? ", "!!", "&a", "*a", "%YAML", "---", "...",
    ];

    /// <summary>A fragment repeated up to <paramref name="maxRepeat"/> times (long runs are where matchers go quadratic).</summary>
    private static Gen<string> Run(int maxRepeat) =>
        Gen.Select(Gen.OneOf(Fragments), Gen.Int[1, maxRepeat], (f, n) => string.Concat(Enumerable.Repeat(f, n)));

    /// <summary>Up to <paramref name="maxParts"/> parts, each a fragment, a run of one, or random Unicode.</summary>
    public static Gen<string> Any(int maxParts = 12, int maxRepeat = 2_000) =>
        Gen.Frequency(
            (6, Gen.OneOf(Gen.OneOf(Fragments), Run(maxRepeat), Gen.String[0, 40], Gen.String[Gen.Char.AlphaNumeric, 0, 20]).Array[0, maxParts].Select(parts => string.Concat(parts))),
            (1, Gen.Const("")),
            (1, Gen.String));

    /// <summary>One of the text inputs that once hung or crashed the bot, at full size.</summary>
    public static Gen<string> Known() => Gen.OneOf(
        string.Concat(Enumerable.Repeat("http://a", 8_000)) + " #1",
        "*a*a*a*a*a*a*a*b",
        "**/a/**/a/**/a/**/b",
        string.Join(' ', Enumerable.Range(1, 2_000).Select(i => "#" + i)),
        new string('a', 70_000) + " #1",
        Repeat("[", 5_000) + Repeat("]", 5_000));

    public static string Repeat(string text, int count)
    {
        var builder = new StringBuilder(text.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }
}
