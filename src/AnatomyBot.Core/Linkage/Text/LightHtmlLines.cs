using System.Buffers;
using System.Net;
using System.Text;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>A single-pass reader for the simple HTML most descriptions are (paragraphs, lists, breaks, inline styling):
/// the same lines as <see cref="HtmlLines"/> without building a DOM. Linear in the input whatever its nesting, so it
/// also serves descriptions too large or too deeply nested for a full parser.</summary>
internal static class LightHtmlLines
{
    private static readonly SearchValues<string> NeedsFullParser = SearchValues.Create(
        ["<script", "<style", "<!--", "<![", "<template", "<textarea", "<noscript", "<svg", "<math", "<head", "<title"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the light reader gives the same lines a full HTML parser would.</summary>
    public static bool Handles(ReadOnlySpan<char> html) => html.IndexOfAny(NeedsFullParser) < 0;

    /// <summary>Appends the lines of <paramref name="text"/> to <paramref name="lines"/>, building each in
    /// <paramref name="line"/> (empty on entry).</summary>
    public static void Read(ReadOnlySpan<char> text, StringBuilder line, TextLines lines)
    {
        var skipUntil = (string?)null;
        var href = (string?)null;
        var position = 0;
        while (position < text.Length)
        {
            var open = text[position..].IndexOf('<');
            var chunk = open < 0 ? text[position..] : text.Slice(position, open);
            if (skipUntil is null)
            {
                AppendText(chunk, line);
            }

            if (open < 0)
            {
                break;
            }

            position += open;
            var close = text[position..].IndexOf('>');
            if (close < 0)
            {
                break;
            }

            var tag = text.Slice(position + 1, close - 1);
            position += close + 1;
            var closing = tag.StartsWith('/');
            var name = TagName(closing ? tag[1..] : tag);
            if (skipUntil is not null)
            {
                if (closing && name.Equals(skipUntil, StringComparison.OrdinalIgnoreCase))
                {
                    skipUntil = null;
                }

                continue;
            }

            if (!closing && HtmlLines.IsSkipped(name) && !tag.EndsWith('/'))
            {
                skipUntil = name.ToString();
            }
            else if (name.Equals("br", StringComparison.OrdinalIgnoreCase) || HtmlLines.IsBlock(name))
            {
                TextLineBuffer.Flush(line, lines);
            }
            else if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                if (closing && href is not null)
                {
                    line.Append(' ').Append(href).Append(' ');
                }

                href = closing || Href(tag) is not { Length: > 0 } target ? null : WebUtility.HtmlDecode(target.ToString());
            }
        }

        TextLineBuffer.Flush(line, lines);
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        return tag[..end];
    }

    private static ReadOnlySpan<char> Href(ReadOnlySpan<char> tag)
    {
        var at = tag.IndexOf("href=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return [];
        }

        var value = tag[(at + 5)..];
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var quote = value[0];
            value = value[1..];
            var end = value.IndexOf(quote);
            return end < 0 ? value : value[..end];
        }

        var blank = value.IndexOfAny(' ', '/');
        return blank < 0 ? value : value[..blank];
    }

    private static void AppendText(ReadOnlySpan<char> chunk, StringBuilder line)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var decoded = chunk.Contains('&') ? WebUtility.HtmlDecode(chunk.ToString()).AsSpan() : chunk;
        TextLineBuffer.AppendCollapsed(decoded, line);
    }
}
