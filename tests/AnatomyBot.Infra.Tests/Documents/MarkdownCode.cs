using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>The code spans of a Markdown file (<c>`src/AnatomyBot.Core`</c>), all of them or row by row of its tables.</summary>
internal static class MarkdownCode
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static IReadOnlyList<string> Spans(string markdownFile) =>
        [.. Parse(markdownFile).Descendants<CodeInline>().Select(code => code.Content)];

    /// <summary>For each table row, the code spans of its cells, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableRows(string markdownFile) =>
        [.. Parse(markdownFile).Descendants<TableRow>()
            .Select(row => (IReadOnlyList<string>)[.. row.Descendants<CodeInline>().Select(code => code.Content)])];

    private static MarkdownDocument Parse(string markdownFile) => Markdown.Parse(File.ReadAllText(markdownFile), Pipeline);
}
