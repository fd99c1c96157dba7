namespace AnatomyBot.Core.Linkage.Text;

/// <summary>A body's text lines outside code, whatever its format (HTML readers leave out prose lines that cannot hold a
/// reference: no colon, <c>#</c> or <c>/</c>). HTML that a single pass reads exactly (no scripts,
/// comments or raw-text elements) skips the DOM; so does HTML too large or too nested for one; a body no parser can
/// read falls back to its raw lines, with a diagnostic.</summary>
internal static class BodyLines
{
    /// <summary>Past this many tags a full HTML parser can take seconds (deep nesting is quadratic).</summary>
    private const int MaxTagsForFullParser = 2048;

    /// <summary>The lines of <paramref name="body"/>, in <paramref name="scratch"/>'s lines (valid until its next
    /// item); problems go to its diagnostics.</summary>
    public static TextLines Read(ReadOnlySpan<char> body, BodyFormat format, TextScratch scratch)
    {
        var lines = scratch.Lines;
        var diagnostics = scratch.Diagnostics;
        lines.Clear();
        try
        {
            if (format == BodyFormat.Markdown)
            {
                MarkdownLines.Read(body.ToString(), lines);
            }
            else if (LightHtmlLines.Handles(body))
            {
                LightHtmlLines.Read(body, scratch.Line(), lines);
            }
            else if (body.Count('<') > MaxTagsForFullParser)
            {
                diagnostics.Add("the description has too many HTML tags for a full parser; it was read as simple HTML");
                LightHtmlLines.Read(body, scratch.Line(), lines);
            }
            else
            {
                HtmlLines.Read(body.ToString(), lines);
            }
        }
#pragma warning disable CA1031 // A body no parser can read is a per-item diagnostic, never a failed run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Add($"the description could not be parsed ({ex.GetType().Name}); it was read as plain lines");
            lines.Clear();
            PlainLines(body, lines);
        }

        return lines;
    }

    /// <summary>Raw lines, minus fenced code blocks: the last resort for a body its parser rejects.</summary>
    private static void PlainLines(ReadOnlySpan<char> body, TextLines lines)
    {
        var fenced = false;
        foreach (var range in body.Split('\n'))
        {
            var line = body[range].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && !line.IsEmpty)
            {
                lines.Add(line);
            }
        }
    }
}
