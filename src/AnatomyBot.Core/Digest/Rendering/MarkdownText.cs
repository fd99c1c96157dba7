using System.Globalization;
using System.Text;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Escaping and formatting for text that users wrote (titles, names) placed into Markdown and tables.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>|~&";

    /// <summary>Inline text: every Markdown-active character backslash-escaped, line breaks folded to spaces.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A code span for ids and codes; backticks inside are dropped (ids never need them).</summary>
    public static string Code(string? text) => $"`{(text ?? "").Replace("`", "", StringComparison.Ordinal).Replace('|', '/')}`";

    /// <summary>A link when there is a URL, else the escaped text.</summary>
    public static string Link(string text, string? url) =>
        url is null || !IsSafeUrl(url) ? Escape(text) : $"[{Escape(text)}]({Destination(url)})";

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Points(double points) => points switch
    {
        > 0 => "▲ +" + points.ToString("0.#", CultureInfo.InvariantCulture) + " pts",
        < 0 => "▼ −" + (-points).ToString("0.#", CultureInfo.InvariantCulture) + " pts",
        _ => "no change",
    };

    private static bool IsSafeUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static string Destination(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            builder.Append(c switch
            {
                ' ' => "%20",
                '(' => "%28",
                ')' => "%29",
                '<' => "%3C",
                '>' => "%3E",
                '|' => "%7C",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
