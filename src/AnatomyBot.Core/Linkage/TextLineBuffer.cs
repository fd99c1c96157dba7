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

    public static void Flush(StringBuilder line, List<string> lines)
    {
        var text = line.ToString().Trim();
        line.Clear();
        if (text.Length > 0)
        {
            lines.Add(text);
        }
    }
}
