using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>The text lines of an HTML description (Azure DevOps <c>System.Description</c>): each block element or
/// <c>&lt;br&gt;</c> ends a line; scripts, styles and code are left out; link targets are kept after their text.</summary>
internal static class HtmlLines
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "code", "pre", "textarea", "head", "title", "svg", "math",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippedLookup = Skipped.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockLookup = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Read(string html, TextLines lines)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var line = new StringBuilder();
        var pending = new Stack<(INode Node, bool Closing)>();
        if (document.Body is { } body)
        {
            pending.Push((body, false));
        }

        while (pending.Count > 0)
        {
            var (node, closing) = pending.Pop();
            if (closing)
            {
                AppendLinkTarget(node, line);
                if (IsBlock(node))
                {
                    TextLineBuffer.Flush(line, lines);
                }

                continue;
            }

            if (node is IText text)
            {
                TextLineBuffer.AppendCollapsed(text.Data, line);
                continue;
            }

            if (node is not IElement element || Skipped.Contains(element.LocalName))
            {
                continue;
            }

            if (element.LocalName is "br")
            {
                TextLineBuffer.Flush(line, lines);
                continue;
            }

            if (IsBlock(element))
            {
                TextLineBuffer.Flush(line, lines);
            }

            pending.Push((element, true));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push((child, false));
            }
        }

        TextLineBuffer.Flush(line, lines);
    }

    internal static bool IsSkipped(ReadOnlySpan<char> name) => SkippedLookup.Contains(name);

    internal static bool IsBlock(ReadOnlySpan<char> name) => BlockLookup.Contains(name);

    private static bool IsBlock(INode node) => node is IElement e && Blocks.Contains(e.LocalName);

    private static void AppendLinkTarget(INode node, StringBuilder line)
    {
        if (node is IElement { LocalName: "a" } anchor && anchor.GetAttribute("href") is { Length: > 0 } href)
        {
            line.Append(' ').Append(href).Append(' ');
        }
    }
}
