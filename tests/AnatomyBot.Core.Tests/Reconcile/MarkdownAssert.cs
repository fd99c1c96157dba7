using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>Parses rendered Markdown with Markdig (CommonMark + pipe tables) and checks it is what it should be.</summary>
internal static class MarkdownAssert
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private static readonly string[] AllowedInlineHtml = ["<br>", "<sub>", "</sub>"];

    /// <summary>Every pipe-table delimiter line starts a real table whose rows all have the header's cell count; the only
    /// HTML is the bot's marker and the few inline tags the renderer writes itself.</summary>
    public static MarkdownDocument Valid(string markdown, int expectedTables)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var tables = document.Descendants<Table>().ToList();
        Assert.Equal(expectedTables, tables.Count);
        Assert.Equal(expectedTables, markdown.Split('\n').Count(l => l.StartsWith("| --- |", StringComparison.Ordinal)));
        foreach (var table in tables)
        {
            var rows = table.OfType<TableRow>().ToList();
            Assert.True(rows.Count >= 2, "a table has a header and at least one row");
            Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        }

        Assert.All(document.Descendants<HtmlBlock>(), b => Assert.StartsWith("<!-- anatomybot:", b.Lines.ToString(), StringComparison.Ordinal));
        Assert.All(document.Descendants<HtmlInline>(), h => Assert.Contains(h.Tag, AllowedInlineHtml));
        return document;
    }
}
