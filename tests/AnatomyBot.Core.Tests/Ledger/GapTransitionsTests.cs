using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Ledger;

public sealed class GapTransitionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Between_FirstEvaluation_OpensEveryGap()
    {
        var current = Evaluation(("no-stage", GapSeverity.Warn), ("no-outcome", GapSeverity.Warn));

        var events = GapTransitions.Between(null, current);

        Assert.Equal(["no-outcome", "no-stage"], events.Select(e => e.Code));
        Assert.All(events, e => Assert.Equal(GapEventKind.Opened, e.Kind));
    }

    [Fact]
    public void Between_GapFixedAndAnotherOpened_ClosesOneOpensOther()
    {
        var previous = Evaluation(("no-component", GapSeverity.Block));
        var current = Evaluation(("no-work-item", GapSeverity.Block));

        var events = GapTransitions.Between(previous, current);

        Assert.Equal(
            [("no-work-item", GapEventKind.Opened), ("no-component", GapEventKind.Closed)],
            events.Select(e => (e.Code, e.Kind)));
    }

    [Fact]
    public void Between_SameGaps_NoEvents()
    {
        var previous = Evaluation(("no-stage", GapSeverity.Warn));

        Assert.Empty(GapTransitions.Between(previous, previous with { EvaluatedAt = At.AddHours(1) }));
    }

    [Fact]
    public void Between_ItemClosedWithGaps_ClosesEveryGapWithTheItem()
    {
        var previous = Evaluation(("no-component", GapSeverity.Block), ("no-stage", GapSeverity.Warn));
        var current = previous with { IsOpen = false, EvaluatedAt = At.AddHours(1) };

        var events = GapTransitions.Between(previous, current);

        Assert.Equal(
            [("no-component", GapEventKind.ItemClosed, "item-closed"), ("no-stage", GapEventKind.ItemClosed, "item-closed")],
            events.Select(e => (e.Code, e.Kind, e.Reason)));
    }

    [Fact]
    public void Between_ClosedItemClosedAgain_NoEvents()
    {
        var closed = Evaluation(("no-component", GapSeverity.Block)) with { IsOpen = false };

        Assert.Empty(GapTransitions.Between(closed, closed with { EvaluatedAt = At.AddHours(1) }));
        Assert.Empty(GapTransitions.Between(null, closed));
    }

    [Fact]
    public void Between_ItemReopened_OpensItsGapsAgain()
    {
        var closed = Evaluation(("no-component", GapSeverity.Block)) with { IsOpen = false };
        var reopened = Evaluation(("no-component", GapSeverity.Block), ("no-stage", GapSeverity.Warn)) with { EvaluatedAt = At.AddHours(1) };

        var events = GapTransitions.Between(closed, reopened);

        Assert.Equal([("no-component", GapEventKind.Opened), ("no-stage", GapEventKind.Opened)], events.Select(e => (e.Code, e.Kind)));
        Assert.All(events, e => Assert.Null(e.Reason));
    }

    [Fact]
    public void Between_GapFixed_ClosesItWithReasonFixed()
    {
        var previous = Evaluation(("no-component", GapSeverity.Block));

        var closed = Assert.Single(GapTransitions.Between(previous, Evaluation()));

        Assert.Equal((GapEventKind.Closed, "fixed"), (closed.Kind, closed.Reason));
    }

    private static StoredEvaluation Evaluation(params (string Code, GapSeverity Severity)[] gaps) => new()
    {
        Source = ItemSource.GitHub,
        ItemId = "contoso/onboarding#7",
        Kind = ItemKind.Story,
        Title = "Collect passport scan",
        Layer = Layer.Stage,
        Trace = Trace.Empty,
        Gaps = gaps.ToDictionary(g => g.Code, g => g.Severity),
        FirstSeen = At,
        EvaluatedAt = At,
    };
}
