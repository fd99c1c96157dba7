using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class CheckRendererTests
{
    [Fact]
    public void Title_Blocked_CountsGapsAndNamesBlockingOnes()
    {
        Assert.Equal(
            "3 gaps — merge blocked: no component linked, no work item linked",
            CheckRenderer.Title(ReconcileFixtures.BlockedPullRequest()));
    }

    [Fact]
    public void Title_SingleBlockGap_MatchesTheDocumentedShape()
    {
        var evaluation = ReconcileFixtures.GreenPullRequest() with
        {
            Gaps = [new Gap(GapCodes.NoComponent, GapSeverity.Block, "m", "f", []), new Gap(GapCodes.NoStage, GapSeverity.Warn, "m", "f", [])],
        };

        Assert.Equal("2 gaps — merge blocked: no component linked", CheckRenderer.Title(evaluation));
    }

    [Fact]
    public void Title_WarningsOnly() =>
        Assert.Equal("1 gap — warning: no stage linked", CheckRenderer.Title(ReconcileFixtures.WarningsPullRequest()));

    [Fact]
    public void Title_Green() =>
        Assert.Equal("All links in place — reaches P4 component", CheckRenderer.Title(ReconcileFixtures.GreenPullRequest()));

    [Fact]
    public void Title_Exempt_IsOneLine()
    {
        var evaluation = ReconcileFixtures.ExemptPullRequest() with { ExemptReason = "label\nanatomy:exempt" };

        Assert.Equal("Exempt: label anatomy:exempt", CheckRenderer.Title(evaluation));
    }

    [Fact]
    public void Title_ManyGaps_StaysOneShortLine()
    {
        var title = CheckRenderer.Title(ReconcileFixtures.HugePullRequest() with
        {
            Gaps = [.. GapCodes.All.Select(c => new Gap(c, GapSeverity.Block, "m", "f", []))],
        });

        Assert.InRange(title.Length, 1, CheckRenderer.MaxTitleLength);
        Assert.DoesNotContain('\n', title);
    }

    [Fact]
    public void Render_IsDeterministic()
    {
        var a = CheckRenderer.Render(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);
        var b = CheckRenderer.Render(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);

        Assert.Equal(a, b);
    }
}
