using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>The text lines of a Markdown body as a reader sees them: code blocks, code spans and raw HTML left out,
/// emphasis removed, link targets kept after their text (so issue URLs can be found). A filled issue form's field
/// (<c>### Outcomes</c>, then its value) reads as one line <c>outcomes: value</c> (see <see cref="FormFieldHeading"/>).</summary>
internal static class MarkdownLines
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static void Read(string markdown, TextLines lines)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var line = new StringBuilder();
        string? field = null;
        foreach (var block in document.Descendants<LeafBlock>())
        {
            var prefix = field;
            field = null;
            if (block is CodeBlock || block.Inline is null || (prefix is not null && IsNoResponse(block.Inline)))
            {
                continue;
            }

            if (prefix is not null && block is ParagraphBlock)
            {
                line.Append(prefix);
            }

            ReadInlines(block.Inline, line, lines);
            if (block is HeadingBlock { Level: FormFieldHeading.Level } && FormFieldHeading.Prefix(Text(line)) is { } next)
            {
                field = next;
                line.Clear();
            }

            Flush(line, lines);
        }
    }

    private static ReadOnlySpan<char> Text(StringBuilder line) => line.Length == 0 ? [] : line.ToString().AsSpan();

    /// <summary>Exactly <c>_No response_</c>: what GitHub writes for a form field left empty.</summary>
    private static bool IsNoResponse(ContainerInline inline) =>
        inline.FirstChild is EmphasisInline { FirstChild: LiteralInline literal } emphasis
        && inline.FirstChild == inline.LastChild
        && emphasis.FirstChild == emphasis.LastChild
        && literal.Content.AsSpan().SequenceEqual(FormFieldHeading.NoResponse);

    private static void ReadInlines(ContainerInline root, StringBuilder line, TextLines lines)
    {
        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var inline = pending.Pop();
            switch (inline)
            {
                case LiteralInline literal:
                    line.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    Flush(line, lines);
                    break;
                case CodeInline:
                    line.Append(' ');
                    break;
                case AutolinkInline autolink:
                    line.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    line.Append(entity.Transcoded.AsSpan());
                    break;
                case HtmlInline html when html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase):
                    Flush(line, lines);
                    break;
                case LinkInline link:
                    // Children first, then the target: "[C-X](url)" reads "C-X url".
                    pending.Push(new LiteralInline(link.IsImage ? "" : " " + link.Url));
                    PushChildren(link, pending);
                    break;
                case ContainerInline container:
                    PushChildren(container, pending);
                    break;
            }
        }
    }

    private static void PushChildren(ContainerInline container, Stack<Inline> pending)
    {
        var child = container.LastChild;
        while (child is not null)
        {
            pending.Push(child);
            child = child.PreviousSibling;
        }
    }

    private static void Flush(StringBuilder line, TextLines lines)
    {
        if (line.Length > 0)
        {
            lines.Add(line, 0, line.Length);
            line.Clear();
        }
    }
}
