using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Core.Tests.Waivers;

/// <summary>A waiver lapses by itself: the engine a channel keeps judges waivers on the clock's day at every evaluation,
/// so the evaluation after the <c>until</c> date (a delivery or the sweep) brings the gap, its label and the failing
/// check back, and the comment says the waiver expired.</summary>
public sealed class WaiverExpiryTests
{
    private const string Anatomy = """
        version: 1
        outcomes:
          - { id: O-FAST, name: Faster onboarding }
        waivers:
          - id: W-2026-014
            items: ["contoso/web#7"]
            gaps: ["*"]
            until: 2026-12-31
            reason: "Spike; the component spec follows in Q1"
            approvedBy: "@contoso/architects"
        """;

    private static readonly WorkItem PullRequest = new() { Id = "contoso/web#7", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Spike the scanner" };

    [Fact]
    public void EngineCache_WaiverLapses_GapLabelAndFailingCheckReturnWithANote()
    {
        var anatomy = AnatomyParser.Parse(Anatomy).Anatomy!;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero));
        var engine = new EngineCache(clock).For(anatomy);

        var waived = DesiredStateBuilder.Build(engine.Evaluate([PullRequest])[0], anatomy);
        Assert.Empty(waived.OwnedLabels);
        Assert.Equal(CheckConclusion.Success, waived.Check!.Conclusion);
        Assert.Equal("3 gaps waived", waived.Check.Title);
        Assert.Contains("### ✅ Anatomy: 3 gaps waived", waived.Comment, StringComparison.Ordinal);
        Assert.Contains("Waiver W-2026-014 until 2026-12-31 by @&#8203;contoso/architects: Spike; the component spec follows in Q1", waived.Comment, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        var lapsed = DesiredStateBuilder.Build(engine.Evaluate([PullRequest])[0], anatomy);

        Assert.Equal(["anatomy:no-component", "anatomy:no-outcome", "anatomy:no-work-item"], lapsed.OwnedLabels.Order(StringComparer.Ordinal));
        Assert.Equal(CheckConclusion.Failure, lapsed.Check!.Conclusion);
        Assert.Contains("- waiver W-2026-014 expired on 2026-12-31", lapsed.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("waived", lapsed.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineCache_AnatomyWithoutWaivers_PlainEngine()
    {
        var anatomy = AnatomyParser.Parse("version: 1\n").Anatomy!;

        Assert.IsType<LinkageEngine>(new EngineCache(new FakeTimeProvider()).For(anatomy));
    }
}
