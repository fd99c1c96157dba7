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

    /// <summary>The bot's marker, or the collapsed trace's fixed tags (their text is the renderer's own, never user text).</summary>
    private const string AllowedHtmlBlock = @"^(<!-- anatomybot:[^\n]*|<details>\n<summary>Trace: [^<>\n]*</summary>|</details>)$";

    /// <summary>Every pipe-table delimiter line starts a real table whose rows all have the header's cell count; the only
    /// HTML is the bot's marker, the collapsed trace's tags, and the few inline tags the renderer writes itself.</summary>
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

        Assert.All(document.Descendants<HtmlBlock>(), b => Assert.Matches(AllowedHtmlBlock, b.Lines.ToString()));
        Assert.All(document.Descendants<HtmlInline>(), h => Assert.Contains(h.Tag, AllowedInlineHtml));
        return document;
    }

    /// <summary>The lines a reader sees before expanding anything: not the hidden marker, not blank, and of a
    /// <c>&lt;details&gt;</c> block only its summary.</summary>
    public static IReadOnlyList<string> VisibleLines(string markdown)
    {
        var visible = new List<string>();
        var inDetails = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("<details>", StringComparison.Ordinal))
            {
                inDetails = true;
            }
            else if (line.StartsWith("</details>", StringComparison.Ordinal))
            {
                inDetails = false;
            }
            else if (line.StartsWith("<summary>", StringComparison.Ordinal) || (!inDetails && line.Trim().Length > 0 && !line.StartsWith("<!-- anatomybot:", StringComparison.Ordinal)))
            {
                visible.Add(line);
            }
        }

        return visible;
    }
}
