using System.Globalization;
using System.Text;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Turns text the bot does not control (titles, names, messages, ids from a PR body) into inline Markdown that
/// renders as the same text: no emphasis, links, HTML, table breaks or math, no line breaks, no <c>@</c> mentions and no
/// item references (<c>#12</c>, <c>owner/repo#12</c>, <c>AB#12</c>): a zero-width space after the <c>@</c> or the <c>#</c>,
/// as Dependabot does, so neither GitHub nor Azure DevOps links, notifies or cross-references anyone. The PR comment, the
/// check summary and the weekly digest all escape through here.</summary>
internal static class MarkdownText
{
    private const string Backslashed = "\\`*_[]|~$";

    public static string Escape(string? text, int max = 300) => EscapeFlat(Clip(Flatten(text), max));

    private static string EscapeFlat(string flat)
    {
        var sb = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            _ = c switch
            {
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '@' => sb.Append("@&#8203;"),
                '#' when i + 1 < flat.Length && char.IsAsciiDigit(flat[i + 1]) => sb.Append(i == 0 ? "\\#&#8203;" : "#&#8203;"),
                '#' when i == 0 => sb.Append("\\#"),
                _ when Backslashed.Contains(c, StringComparison.Ordinal) => sb.Append('\\').Append(c),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Like <see cref="Escape"/>, but text between single backticks stays a code span when it is safe to.</summary>
    public static string EscapeKeepingCode(string? text, int max = 500)
    {
        var parts = Clip(Flatten(text), max).Split('`');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var isCode = i % 2 == 1 && i < parts.Length - 1;
            var unpaired = i % 2 == 1 && i == parts.Length - 1;
            sb.Append(isCode ? Code(parts[i]) : (unpaired ? "\\`" : "") + EscapeFlat(parts[i]));
        }

        return sb.ToString();
    }

    /// <summary>A code span (shown literally: no mentions, HTML or emphasis inside); text with a backtick or a table pipe
    /// is escaped text instead, because neither can be written safely inside a span in a table cell.</summary>
    public static string Code(string? id)
    {
        var text = Clip(Flatten(id), 100);
        var plain = text.Length > 0 && !text.Contains('`', StringComparison.Ordinal) && !text.Contains('|', StringComparison.Ordinal);
        return plain ? "`" + text + "`" : Escape(text);
    }

    /// <summary>A link when <paramref name="url"/> is absolute http(s); otherwise the escaped text alone.</summary>
    public static string Link(string text, string? url)
    {
        var safe = SafeUrl(url);
        return safe is null ? Escape(text) : "[" + Escape(text) + "](" + safe + ")";
    }

    public static string? SafeUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return uri.AbsoluteUri
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal);
    }

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Plural(int count, string noun) => count == 1 ? "1 " + noun : Number(count) + " " + noun + "s";

    /// <summary>One line of plain text (check-run titles are not Markdown): controls flattened, cut with an ellipsis.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..Math.Max(cut, 0)] + "…";
    }

    public static string Flatten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString().Trim();
    }
}
