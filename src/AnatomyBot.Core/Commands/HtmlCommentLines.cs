using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AnatomyBot.Core.Commands;

/// <summary>The text lines of a comment written as HTML (an Azure DevOps work-item comment in the <c>html</c> format) in
/// which a command may stand: text at the top of the body or in <c>div</c> and <c>p</c> blocks (nested at most
/// <see cref="MaxDepth"/> deep), with inline elements read as their text and <c>br</c> ending a line. Code
/// (<c>pre</c>, <c>code</c>), block quotes, lists, tables, headings and every other element are left out, as their
/// Markdown counterparts are. Non-breaking spaces read as spaces. Pure.</summary>
internal static class HtmlCommentLines
{
    /// <summary>How deep nested blocks are read.</summary>
    public const int MaxDepth = 16;

    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase) { "div", "p" };

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "kbd", "mark", "s", "small",
        "span", "strike", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    public static IReadOnlyList<string> Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        var line = new StringBuilder();
        if (document.Body is { } body)
        {
            Block(body, 0, line, lines);
        }

        Flush(line, lines);
        return lines;
    }

    private static void Block(INode parent, int depth, StringBuilder line, List<string> lines)
    {
        foreach (var node in parent.ChildNodes)
        {
            switch (node)
            {
                case IText text:
                    line.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    Flush(line, lines);
                    break;
                case IElement element when Paragraphs.Contains(element.LocalName) && depth < MaxDepth:
                    Flush(line, lines);
                    Block(element, depth + 1, line, lines);
                    Flush(line, lines);
                    break;
                case IElement element when Inline.Contains(element.LocalName) && depth < MaxDepth:
                    Block(element, depth + 1, line, lines);
                    break;
                case IElement:
                    Flush(line, lines);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder line, List<string> lines)
    {
        if (line.Length == 0)
        {
            return;
        }

        // Whitespace collapses as HTML renders it: source line breaks inside a block are spaces.
        var text = string.Join(' ', line.ToString().Replace('\u00a0', ' ').Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        line.Clear();
        if (text.Length > 0)
        {
            lines.Add(text);
        }
    }
}
