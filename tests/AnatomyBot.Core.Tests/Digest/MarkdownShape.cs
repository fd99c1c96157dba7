using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>The digest Markdown as Markdig (CommonMark + GitHub pipe tables) parses it.</summary>
internal sealed record MarkdownShape(
    IReadOnlyList<string> Headings,
    IReadOnlyList<Table> Tables,
    IReadOnlyList<FencedCodeBlock> Mermaid,
    MarkdownDocument Document)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static MarkdownShape Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>()
            .Select(h => string.Concat(h.Inline?.Descendants<LeafInline>().Select(Plain) ?? []).Trim())
            .ToList();
        var mermaid = document.Descendants<FencedCodeBlock>().Where(f => f.Info == "mermaid").ToList();
        return new MarkdownShape(headings, [.. document.Descendants<Table>()], mermaid, document);
    }

    public static string Text(FencedCodeBlock block) => block.Lines.ToString();

    /// <summary>Cells of a table row as plain text.</summary>
    public static IReadOnlyList<string> Cells(TableRow row) =>
        [.. row.OfType<TableCell>().Select(c => string.Concat(c.Descendants<LeafInline>().Select(Plain)).Trim())];

    public IReadOnlyList<IReadOnlyList<string>> Rows(int table) =>
        [.. Tables[table].OfType<TableRow>().Select(Cells)];

    private static string Plain(LeafInline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        _ => "",
    };
}
