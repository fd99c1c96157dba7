using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Commands;

namespace AnatomyBot.Core.Tests.Commands;

public sealed class CommentCommandsTests
{
    [Fact]
    public void Parse_EachCommand_ReadByItsGrammar()
    {
        var lines = CommentCommands.Parse("""
            Thanks!
            /anatomy recheck
            /anatomy explain
            /ANATOMY link component:C-LEDGER
            /anatomy waive no-component until 2026-12-31 because Spike; the spec follows in Q1
            /anatomy unwaive no-outcome
            """);

        Assert.All(lines, l => Assert.Null(l.Problem));
        Assert.Equal([CommandKind.Recheck, CommandKind.Explain, CommandKind.Link, CommandKind.Waive, CommandKind.Unwaive], lines.Select(l => l.Command!.Kind));
        Assert.Equal((Layer.Component, "C-LEDGER", "component:C-LEDGER"), (lines[2].Command!.Layer, lines[2].Command!.ElementId, lines[2].Command!.LinkLabel));
        var waive = lines[3].Command!;
        Assert.Equal(("no-component", new DateOnly(2026, 12, 31), "Spike; the spec follows in Q1"), (waive.GapCode, waive.Until, waive.Reason));
        Assert.Equal("no-outcome", lines[4].Command!.GapCode);
        Assert.Equal(
            [CommandAccess.Anyone, CommandAccess.Anyone, CommandAccess.Write, CommandAccess.Approver, CommandAccess.Approver],
            lines.Select(l => l.Command!.Permission));
    }

    [Fact]
    public void Parse_CodeBlocksQuotesAndMidLineMentions_AreNotCommands()
    {
        var lines = CommentCommands.Parse("""
            Try this:
            ```
            /anatomy waive no-component until 2026-12-31 because fenced
            ```
            ~~~text
            /anatomy recheck
            ~~~
                /anatomy recheck
            > /anatomy recheck
            Run `/anatomy recheck` when done, or /anatomy explain.
            /anatomyfoo
            """);

        Assert.Empty(lines);
    }

    [Fact]
    public void Parse_AfterAFenceCloses_CommandsCountAgain()
    {
        var lines = CommentCommands.Parse("```\n/anatomy explain\n```\n/anatomy recheck\n");

        Assert.Equal(CommandKind.Recheck, Assert.Single(lines).Command!.Kind);
    }

    [Theory]
    [InlineData("> Please run\n/anatomy recheck")]
    [InlineData("> quoted\n> /anatomy explain\n/anatomy recheck")]
    [InlineData("<!--\n/anatomy recheck\n-->")]
    [InlineData("<details>\n/anatomy recheck\n</details>")]
    [InlineData("<div>\n/anatomy waive no-component until 2026-12-31 because html\n</div>")]
    [InlineData("~~~~\n/anatomy recheck\n~~~\n/anatomy explain\n~~~~")]
    [InlineData("````md\n```\n/anatomy recheck\n```\n````")]
    [InlineData("- /anatomy recheck")]
    [InlineData("1. /anatomy recheck")]
    [InlineData("- [ ] first\n/anatomy recheck")]
    [InlineData("- item\n\n  /anatomy recheck")]
    [InlineData("| a | b |\n|---|---|\n| /anatomy recheck | x |")]
    [InlineData("# /anatomy recheck")]
    [InlineData("Please\n    /anatomy recheck")]
    public void Parse_LazyQuotesHtmlBlocksTildeFencesListsTablesHeadings_AreNotCommands(string body)
    {
        Assert.Empty(CommentCommands.Parse(body));
    }

    [Theory]
    [InlineData("Thanks for the review.\n/anatomy recheck", CommandKind.Recheck)]
    [InlineData("> quoted\n\n/anatomy recheck", CommandKind.Recheck)]
    [InlineData("<details>\n\n/anatomy explain\n\n</details>", CommandKind.Explain)]
    [InlineData("~~~\n/anatomy recheck\n~~~\n/anatomy explain", CommandKind.Explain)]
    [InlineData("- item\n\n/anatomy explain", CommandKind.Explain)]
    [InlineData("   /anatomy explain\r\n", CommandKind.Explain)]
    public void Parse_TopLevelParagraphLines_AreCommands(string body, CommandKind expected)
    {
        Assert.Equal(expected, Assert.Single(CommentCommands.Parse(body)).Command!.Kind);
    }

    [Fact]
    public void Parse_UnclosedFence_HidesTheRestOfTheComment()
    {
        Assert.Empty(CommentCommands.Parse("```\n/anatomy recheck\n\n/anatomy explain\n"));
    }

    [Fact]
    public void Parse_MoreThanTheLimit_OnlyTheFirstRead()
    {
        var lines = CommentCommands.Parse(string.Concat(Enumerable.Repeat("/anatomy recheck\n", 20)));

        Assert.Equal(CommentCommands.MaxCommands, lines.Count);
    }

    [Theory]
    [InlineData("/anatomy", true, null)]
    [InlineData("/anatomy approve", true, null)]
    [InlineData("/anatomy recheck now", false, "`/anatomy recheck` takes nothing after it")]
    [InlineData("/anatomy link", false, "name one element: write `/anatomy link component:C-ID` (or `outcome:`, `stage:`, `logic:` and an id)")]
    [InlineData("/anatomy link C-LEDGER", false, "'C-LEDGER' names no layer: write `/anatomy link component:C-ID` (or `outcome:`, `stage:`, `logic:` and an id)")]
    [InlineData("/anatomy link component:", false, "'' is not an element id (letters, digits and -, starting with a letter)")]
    [InlineData("/anatomy waive", false, "no gap code: write `/anatomy waive <gap-code> until <YYYY-MM-DD> because <reason>`")]
    [InlineData("/anatomy waive no-component because spike", false, "no date: write `/anatomy waive <gap-code> until <YYYY-MM-DD> because <reason>`")]
    [InlineData("/anatomy waive no-component until 2026-12-31", false, "no reason: write `/anatomy waive <gap-code> until <YYYY-MM-DD> because <reason>`")]
    [InlineData("/anatomy waive no-component until 31/12/2026 because spike", false, "'31/12/2026' is not a date written YYYY-MM-DD")]
    [InlineData("/anatomy unwaive", false, "name one gap code: write `/anatomy unwaive <gap-code>`")]
    public void Parse_UnknownOrMalformed_SaysExactlyWhat(string line, bool unknown, string? problem)
    {
        var parsed = Assert.Single(CommentCommands.Parse(line));

        Assert.Equal((unknown, problem), (parsed.Unknown, parsed.Problem));
        Assert.Null(parsed.Command);
    }

    [Fact]
    public void ParseHtml_TextDivsParagraphsAndBreaks_AreLinesInlineMarkupIsText()
    {
        var lines = CommentCommands.ParseHtml(
            "Thanks!<br>/anatomy recheck<div><b>/anatomy</b>&nbsp;explain</div><p>See <a href=\"x\">this</a>.<br/>/anatomy link\n component:C-LEDGER</p>"
            + "<div><div>/anatomy unwaive no-outcome</div></div>");

        Assert.All(lines, l => Assert.Null(l.Problem));
        Assert.Equal(["/anatomy recheck", "/anatomy explain", "/anatomy link component:C-LEDGER", "/anatomy unwaive no-outcome"], lines.Select(l => l.Text));
        Assert.Equal([CommandKind.Recheck, CommandKind.Explain, CommandKind.Link, CommandKind.Unwaive], lines.Select(l => l.Command!.Kind));
    }

    [Theory]
    [InlineData("<pre>/anatomy recheck</pre>")]
    [InlineData("<div><code>/anatomy recheck</code></div>")]
    [InlineData("<blockquote><div>/anatomy recheck</div></blockquote>")]
    [InlineData("<ul><li>/anatomy recheck</li></ul>")]
    [InlineData("<table><tr><td>/anatomy recheck</td></tr></table>")]
    [InlineData("<h2>/anatomy recheck</h2>")]
    [InlineData("<!-- /anatomy recheck -->")]
    [InlineData("<div>Run /anatomy recheck please</div>")]
    [InlineData("<q>/anatomy recheck</q>")]
    public void ParseHtml_CodeQuotesListsTablesHeadingsCommentsAndMidLine_AreNotCommands(string html) =>
        Assert.Empty(CommentCommands.ParseHtml(html));

    [Fact]
    public void ParseHtml_DeeperThanTheBound_NotRead()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 40)) + "/anatomy recheck" + string.Concat(Enumerable.Repeat("</div>", 40));
        var shallow = string.Concat(Enumerable.Repeat("<div>", 10)) + "/anatomy recheck" + string.Concat(Enumerable.Repeat("</div>", 10));

        Assert.Empty(CommentCommands.ParseHtml(deep));
        Assert.Single(CommentCommands.ParseHtml(shallow));
    }
}
