using AngleSharp.Html.Parser;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Digest;

public sealed class DigestSizeAndHtmlTests
{
    [Fact]
    public void LargeDigest_GitHubIssue_CutBetweenBlocksWithLinkToFullFile()
    {
        var digest = LargeDigest();
        var full = DigestMarkdownRenderer.Render(digest);

        var cut = DigestMarkdownRenderer.Render(digest, DigestRenderOptions.GitHubIssue("https://github.com/contoso/governance/blob/main/digests/2026-W48.md"));

        Assert.True(full.Length > DigestRenderOptions.GitHubIssueBodyLimit, $"fixture too small: {full.Length}");
        Assert.True(cut.Length <= DigestRenderOptions.GitHubIssueBodyLimit, $"cut digest has {cut.Length} characters");
        Assert.EndsWith("Read [the full digest](https://github.com/contoso/governance/blob/main/digests/2026-W48.md).\n", cut, StringComparison.Ordinal);
        Assert.StartsWith(full[..1000], cut, StringComparison.Ordinal);
        var lines = cut.Split('\n');
        Assert.Equal(lines.Count(l => l == "```mermaid"), lines.Count(l => l == "```"));
        var shape = MarkdownShape.Parse(cut);
        Assert.All(shape.Mermaid, block => Assert.True(block.ClosingFencedCharCount == 3, "a mermaid fence was left open"));
        Assert.All(shape.Tables, table =>
        {
            var rows = table.OfType<Markdig.Extensions.Tables.TableRow>().ToList();
            Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        });
    }

    [Fact]
    public void SmallDigest_UnderTheLimit_IsNotCut()
    {
        var digest = DigestBuilder.Build(DigestFixture.Request(), DigestFixture.Items, DigestFixture.Events);

        var cut = DigestMarkdownRenderer.Render(digest, DigestRenderOptions.GitHubIssue("https://example.test/full.md"));

        Assert.Equal(DigestMarkdownRenderer.Render(digest), cut);
    }

    [Fact]
    public void Html_IsWellFormedSelfContainedPageWithMermaidPreAndTheScriptInlined()
    {
        var digest = DigestBuilder.Build(DigestFixture.Request(), DigestFixture.Items, DigestFixture.Events);
        var mermaid = new MermaidScript("11.0.0-test", "window.mermaid = { initialize() {} }; const tags = ['</script>', '<!--']; // </SCRIPT> <!-- <script>");

        var html = DigestHtmlRenderer.Render(digest, mermaid);
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add(e.ToString() ?? "");
        var document = parser.ParseDocument(html);

        Assert.Empty(errors);
        Assert.Equal("Anatomy digest 2026-W48", document.Title);
        var pictures = document.QuerySelectorAll("pre.mermaid");
        Assert.Equal(4, pictures.Length);
        Assert.Contains("\nflowchart LR\n", pictures[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("s0[\"Apply<br/>3 items", pictures[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("\nxychart-beta\n", pictures[3].TextContent, StringComparison.Ordinal);
        Assert.Equal(MarkdownShape.Parse(DigestMarkdownRenderer.Render(digest)).Tables.Count, document.QuerySelectorAll("table").Length);
        // Nothing is loaded: no script, style sheet, image or frame from anywhere.
        Assert.Empty(document.QuerySelectorAll("script[src], link[href], img[src], iframe, object, embed"));
        var scripts = document.QuerySelectorAll("script");
        Assert.Equal(2, scripts.Length);
        Assert.Equal("11.0.0-test", scripts[0].GetAttribute("data-mermaid-version"));
        // The hostile script text stays inside its element, with the same meaning: escapes only.
        Assert.Equal(
            "window.mermaid = { initialize() {} }; const tags = ['<\\/script>', '<\\x21--']; // <\\/SCRIPT> <\\x21-- <script>",
            scripts[0].TextContent.Trim());
        Assert.Contains("mermaid.initialize", scripts[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("main script"));
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == "Self-service portal | <beta> 103");
    }

    private static WeeklyDigest LargeDigest()
    {
        var streams = Enumerable.Range(0, 300).Select(v => new ValueStream
        {
            Id = $"VS-{v:D3}",
            Name = $"Value stream number {v}",
            Outcomes = ["O-1"],
            Stages = [.. Enumerable.Range(0, 5).Select(s => new Stage { Id = $"ST-{v:D3}-{s}", Name = $"Stage {s} of stream {v}", ValueStreamId = $"VS-{v:D3}", Order = s })],
        }).ToList();
        var anatomy = new EnterpriseAnatomy([new Outcome { Id = "O-1", Name = "Outcome" }], streams, [], []);
        var items = streams.SelectMany(v => v.Stages).Select((stage, i) => new StoredEvaluation
        {
            Source = ItemSource.GitHub,
            ItemId = "big/repo#" + i,
            Kind = ItemKind.Story,
            Title = "Story " + i,
            Layer = Layer.Stage,
            Trace = new Trace(["O-1"], [stage.Id], [], []),
            Gaps = new Dictionary<string, GapSeverity> { ["no-component"] = GapSeverity.Warn },
            FirstSeen = DigestFixture.Nov(24),
            EvaluatedAt = DigestFixture.Nov(24),
        });
        return DigestBuilder.Build(DigestFixture.Request() with { Anatomy = anatomy }, items, Array.Empty<GapEvent>());
    }
}
