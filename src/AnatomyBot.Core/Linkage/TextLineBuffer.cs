using System.Text;

namespace AnatomyBot.Core.Linkage;

/// <summary>What both HTML readers do with text: collapse runs of white space into one space on the current line, and
/// end a line (trimmed, kept only when not empty).</summary>
internal static class TextLineBuffer
{
    public static void AppendCollapsed(ReadOnlySpan<char> text, StringBuilder line)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                line.Append(c);
            }
        }
    }

    /// <summary>Ends the line: its text without leading and trailing white space, kept only when not empty (one string
    /// is allocated, not two).</summary>
    public static void Flush(StringBuilder line, List<string> lines)
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

        if (end > start)
        {
            lines.Add(line.ToString(start, end - start));
        }

        line.Clear();
    }
}
