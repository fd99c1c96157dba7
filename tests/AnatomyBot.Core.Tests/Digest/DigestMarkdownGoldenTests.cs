using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Tests.Support;

namespace AnatomyBot.Core.Tests.Digest;

public sealed class DigestMarkdownGoldenTests
{
    [Fact]
    public void FixedLedger_GitHubFlavour_MatchesGoldenFile()
    {
        var markdown = DigestMarkdownRenderer.Render(Build());

        GoldenFiles.AssertMatches("Digest", "weekly-digest.github.md", markdown);
    }

    [Fact]
    public void FixedLedger_AzureDevOpsFlavour_MatchesGoldenFile()
    {
        var markdown = DigestMarkdownRenderer.Render(Build(), new DigestRenderOptions { Flavor = DigestFlavor.AzureDevOps });

        GoldenFiles.AssertMatches("Digest", "weekly-digest.azure-devops.md", markdown);
        Assert.Contains("::: mermaid\n%%{init: {\"flowchart\"", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("```", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("xychart-beta", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedLedger_ParsesAsCommonMarkWithTablesAndPictures()
    {
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(Build()));

        Assert.Equal(
            ["Anatomy digest 2026-W48", "Headline", "Value streams", "Customer onboarding VS-ONB", "Support VS-SUP", "Not placed on any stage",
             "Strategy vs execution", "Trend over 8 weeks", "This week's gaps", "Needs attention", "Items with open gaps, most severe first", "Merged with a block gap",
             "Waivers", "Lapsing within two weeks", "Lapsed this week", "Standing", "The anatomy itself"],
            shape.Headings);
        Assert.Equal(4, shape.Mermaid.Count);
        Assert.Equal(["flowchart LR", "flowchart LR", "flowchart LR", "xychart-beta"], shape.Mermaid.Select(m => MarkdownShape.Text(m).Split('\n')[1]));

        var headline = shape.Rows(0);
        Assert.Equal(["Measure", "This week", "Change since last week"], headline[0]);
        Assert.Equal(["Active epics linked to an outcome", "50% (1 of 2)", "▲ +50 pts"], headline[1]);
        Assert.Equal(["Active stories reaching a component (P4)", "50% (2 of 4)", "no change"], headline[2]);
        Assert.Equal(["Pull requests merged this week with a full trace", "50% (1 of 2)", "▼ −50 pts"], headline[3]);
    }

    [Fact]
    public void FixedLedger_TitleWithPipeAndMarkup_StaysInsideItsCell()
    {
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(Build()));

        var rows = shape.Tables.SelectMany((_, i) => shape.Rows(i)).ToList();
        var portal = rows.Where(r => r[0].StartsWith("Self-service portal", StringComparison.Ordinal)).ToList();
        // One row per item: the item with two open gaps appears once, its title whole inside the first cell.
        var row = Assert.Single(portal);
        Assert.Equal("Self-service portal | <beta> 103", row[0]);
        Assert.Equal(5, row.Count);
    }

    [Fact]
    public void Render_SameLedgerInAnyOrder_IsIdentical()
    {
        var first = DigestMarkdownRenderer.Render(Build());
        var shuffled = DigestBuilder.Build(
            DigestFixture.Request(),
            DigestFixture.Items.Reverse(),
            DigestFixture.Events.Reverse());

        Assert.Equal(first, DigestMarkdownRenderer.Render(shuffled));
    }

    private static WeeklyDigest Build() => DigestBuilder.Build(DigestFixture.Request(), DigestFixture.Items, DigestFixture.Events);
}
