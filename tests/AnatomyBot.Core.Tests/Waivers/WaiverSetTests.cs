using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Tests.Linkage;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Tests.Waivers;

public sealed class WaiverSetTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Waiver Make(string id, DateOnly until, params string[] gaps) => new()
    {
        Id = id,
        Items = ["contoso/web#7"],
        Gaps = gaps,
        Until = until,
        Reason = "Spike",
        ApprovedBy = "@contoso/architects",
    };

    private static ItemEvaluation Evaluate(params Waiver[] waivers)
    {
        var anatomy = TestAnatomy.Create();
        var pr = new WorkItem { Id = "contoso/web#7", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Tidy up" };
        var evaluation = new LinkageEngine(anatomy).Evaluate([pr])[0];
        Assert.Equal(GapSeverity.Block, evaluation.Verdict);
        return new WaiverSet(waivers, Today).Apply(evaluation);
    }

    [Fact]
    public void Apply_ActiveWaiver_MarksOnlyItsGapsAndTheVerdictIgnoresThem()
    {
        var evaluation = Evaluate(Make("W-1", Today, GapCodes.NoWorkItem, GapCodes.NoOutcome, GapCodes.NoComponent));

        Assert.All(evaluation.Gaps, g => Assert.Equal("W-1", g.Waiver?.Id));
        Assert.Null(evaluation.Verdict);
        Assert.Empty(evaluation.Diagnostics);
    }

    [Fact]
    public void Apply_PartialWaiver_OtherGapsStillDecide()
    {
        var evaluation = Evaluate(Make("W-1", Today, GapCodes.NoComponent));

        Assert.Equal(["W-1"], evaluation.Gaps.Where(g => g.Waiver is not null).Select(g => g.Waiver!.Id));
        Assert.Equal(GapCodes.NoComponent, evaluation.Gaps.Single(g => g.Waiver is not null).Code);
        Assert.Equal(GapSeverity.Block, evaluation.Verdict);
    }

    [Fact]
    public void Apply_Star_WaivesEveryGap()
    {
        Assert.Null(Evaluate(Make("W-ALL", Today.AddDays(90), WaiverRules.AllGaps)).Verdict);
    }

    [Fact]
    public void Apply_ExpiredWaiver_IgnoredWithAnInfoDiagnostic()
    {
        var evaluation = Evaluate(Make("W-2026-014", Today.AddDays(-1), WaiverRules.AllGaps));

        Assert.All(evaluation.Gaps, g => Assert.Null(g.Waiver));
        Assert.Equal(GapSeverity.Block, evaluation.Verdict);
        Assert.Equal(["waiver W-2026-014 expired on 2026-11-30"], evaluation.Diagnostics);
    }

    [Fact]
    public void Apply_InvalidWaivers_IgnoredWithTheirReason()
    {
        var evaluation = Evaluate(
            Make("W-LONG", Today.AddDays(91), WaiverRules.AllGaps),
            Make("W-TYPO", Today, "no-compnent"),
            Make("W-OK", Today, GapCodes.NoOutcome),
            Make("w-ok", Today, WaiverRules.AllGaps));

        Assert.Equal(GapSeverity.Block, evaluation.Verdict);
        Assert.Equal(
            [
                "waiver W-LONG is ignored: it runs until 2027-03-02, more than 90 days after 2026-12-01 (policy.waivers.maxDays)",
                "waiver W-TYPO is ignored: 'no-compnent' is not a gap code (no-outcome, no-stage, no-logic, no-component, no-work-item, unknown-ref or *)",
                "waiver w-ok is ignored: an earlier waiver has the same id",
            ],
            evaluation.Diagnostics);
        Assert.Equal([GapCodes.NoOutcome], evaluation.Gaps.Where(g => g.Waiver is not null).Select(g => g.Code));
    }

    [Fact]
    public void Apply_WaiverForAnotherItem_ChangesNothing()
    {
        var other = Make("W-1", Today, WaiverRules.AllGaps) with { Items = ["4711", "contoso/web#70"] };

        var evaluation = Evaluate(other);

        Assert.Equal(GapSeverity.Block, evaluation.Verdict);
        Assert.Empty(evaluation.Diagnostics);
    }

    [Fact]
    public void Apply_ItemIdsMatchIgnoringCase()
    {
        Assert.Null(Evaluate(Make("W-1", Today, WaiverRules.AllGaps) with { Items = ["Contoso/Web#7"] }).Verdict);
    }
}
