using System.Buffers;
using System.Text;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>What both HTML readers do with text: collapse runs of white space into one space on the current line, and
/// end a line (trimmed, kept only when it may hold a reference).</summary>
internal static class TextLineBuffer
{
    /// <summary>A reference line has a colon (<c>Stage: S-1</c>, <c>Parent: #4</c>); a mention has <c>#</c> or is a URL.
    /// Lines with none of these are prose: no string is made for them.</summary>
    private static readonly SearchValues<char> ReferenceMarks = SearchValues.Create(":#/");

    /// <summary>White space other than the plain space.</summary>
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(WhiteSpaceExceptSpace());

    public static void AppendCollapsed(ReadOnlySpan<char> text, StringBuilder line)
    {
        // Most text is words between single spaces: then only a leading space can go, and the rest is appended as is.
        if (!text.ContainsAny(OtherWhiteSpace) && !text.Contains("  ", StringComparison.Ordinal))
        {
            line.Append(text.StartsWith(' ') && (line.Length == 0 || line[^1] == ' ') ? text[1..] : text);
            return;
        }

        var position = 0;
        while (position < text.Length)
        {
            // A run of other characters is appended at once; a run of white space becomes one space.
            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            line.Append(text[start..position]);
            if (position == text.Length)
            {
                return;
            }

            if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }

            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }

    /// <summary>Ends the line: its text without leading and trailing white space, kept only when it has a colon,
    /// <c>#</c> or <c>/</c> (copied into the reused line buffer; no string is made).</summary>
    public static void Flush(StringBuilder line, TextLines lines)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        if (end > start && HasReferenceMark(line, start, end))
        {
            lines.Add(line, start, end - start);
        }

        line.Clear();
    }

    private static bool HasReferenceMark(StringBuilder line, int start, int end)
    {
        var offset = 0;
        foreach (var chunk in line.GetChunks())
        {
            var from = Math.Max(start - offset, 0);
            var to = Math.Min(end - offset, chunk.Length);
            if (from < to && chunk.Span[from..to].ContainsAny(ReferenceMarks))
            {
                return true;
            }

            offset += chunk.Length;
        }

        return false;
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts but the plain space.</summary>
    private static string WhiteSpaceExceptSpace()
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (c != ' ' && char.IsWhiteSpace((char)c))
            {
                chars.Add((char)c);
            }
        }

        return new string([.. chars]);
    }
}
