namespace AnatomyBot.Core.Linkage;

/// <summary>A body's text lines outside code, whatever its format.</summary>
internal static class BodyLines
{
    public static List<string> Read(string body, BodyFormat format)
    {
        var lines = new List<string>();
        if (format == BodyFormat.Html)
        {
            HtmlLines.Read(body, lines);
        }
        else
        {
            MarkdownLines.Read(body, lines);
        }

        return lines;
    }
}
