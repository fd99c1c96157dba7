using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Digest.DigestFixture;

namespace AnatomyBot.Core.Tests.Digest;

public sealed class DigestBuilderTests
{
    [Fact]
    public void EmptyWeek_OmitsEverySectionButTheAnatomy()
    {
        var digest = DigestBuilder.Build(Request(), [], []);
        var markdown = DigestMarkdownRenderer.Render(digest);
        var shape = MarkdownShape.Parse(markdown);

        Assert.Equal(["Anatomy digest 2026-W48", "The anatomy itself"], shape.Headings);
        Assert.Contains("Nothing to report on the work", markdown, StringComparison.Ordinal);
        Assert.Empty(shape.Mermaid);
        Assert.False(digest.HasHistory);
    }

    [Fact]
    public void EmptyWeek_WithoutDiagnostics_IsOnlyTheHeaderAndTheNote()
    {
        var digest = DigestBuilder.Build(Request() with { Diagnostics = [] }, [], []);

        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(digest));

        Assert.Equal(["Anatomy digest 2026-W48"], shape.Headings);
        Assert.Empty(shape.Tables);
    }

    [Fact]
    public void FirstWeek_NoHistory_ShowsSharesWithoutChangeFigures()
    {
        var items = new[]
        {
            Gh("contoso/onboarding#1", ItemKind.Epic, "New epic", Layer.Outcome, T(["O-FAST"], []), Nov(23)),
            Gh("contoso/onboarding#2", ItemKind.Epic, "Unlinked epic", Layer.Unmapped, Trace.Empty, Nov(24), ("no-outcome", GapSeverity.Warn)),
        };
        GapEvent[] events = [new(ItemSource.GitHub, "contoso/onboarding#2", "no-outcome", GapSeverity.Warn, GapEventKind.Opened, Nov(24))];

        var digest = DigestBuilder.Build(Request(), items, events);
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(digest));

        Assert.False(digest.HasHistory);
        Assert.All(digest.Headline, f => Assert.Null(f.ChangePoints));
        Assert.Equal(["Measure", "Share"], shape.Rows(0)[0]);
        Assert.Equal(["Active epics linked to an outcome", "50% (1 of 2)"], shape.Rows(0)[1]);
        Assert.DoesNotContain(shape.Tables.SelectMany((_, i) => shape.Rows(i)).SelectMany(r => r), c => c.Contains("pts", StringComparison.Ordinal));
    }

    [Fact]
    public void Headline_GapClosedDuringWeek_CountsAsUnlinkedLastWeek()
    {
        var digest = DigestBuilder.Build(Request(), Items, Events);

        var epics = digest.Headline[0];
        Assert.Equal((1, 2, 0, 2), (epics.Linked, epics.Total, epics.PreviousLinked, epics.PreviousTotal));
        Assert.Equal(50, epics.ChangePoints);
    }

    [Fact]
    public void Headline_PastWeek_ReconstructsStateAtWeekEndFromLaterEvents()
    {
        // The epic's no-outcome gap closes only in the next week: at the end of W48 it was still unlinked.
        var items = new[] { Gh("contoso/onboarding#1", ItemKind.Epic, "Epic", Layer.Outcome, T(["O-FAST"], []), Oct(1)) };
        GapEvent[] events =
        [
            new(ItemSource.GitHub, "contoso/onboarding#1", "no-outcome", GapSeverity.Warn, GapEventKind.Opened, Oct(1)),
            new(ItemSource.GitHub, "contoso/onboarding#1", "no-outcome", GapSeverity.Warn, GapEventKind.Closed, Nov(30).AddDays(2)),
        ];

        var digest = DigestBuilder.Build(Request(), items, events);

        Assert.Equal((0, 1), (digest.Headline[0].Linked, digest.Headline[0].Total));
    }

    [Fact]
    public void Trend_TimeZoneAheadOfUtc_SundayLateUtcEventFallsInNextWeek()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("UTC+02", TimeSpan.FromHours(2), "UTC+02", "UTC+02");
        var sundayLate = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero); // Monday 01:00 in UTC+02
        GapEvent[] events = [new(ItemSource.GitHub, "x/y#1", "no-stage", GapSeverity.Warn, GapEventKind.Opened, sundayLate)];

        var utc = DigestBuilder.Build(Request(), [], events);
        var local = DigestBuilder.Build(Request(plusTwo), [], events);

        Assert.Equal(1, utc.Trend.Single(p => p.Week == new IsoWeek(2026, 47)).Opened);
        Assert.Equal(1, local.Trend.Single(p => p.Week == new IsoWeek(2026, 48)).Opened);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero), Request(plusTwo).WeekStart);
    }

    [Fact]
    public void Attention_OldestGapFirst_GapOlderThanWindowMarkedBefore()
    {
        var digest = DigestBuilder.Build(Request(), Items, Events);

        Assert.Equal("101", digest.OldestGaps[0].Item.Id);
        Assert.True(digest.OldestGaps[0].BeforeWindow);
        Assert.Equal("contoso/onboarding#7", digest.OldestGaps[1].Item.Id);
        Assert.Equal(Nov(10), digest.OldestGaps[1].OpenSince);
        Assert.DoesNotContain(digest.OldestGaps, g => g.Item.Id == "contoso/onboarding#21");
    }

    [Fact]
    public void Escaped_AdminMergeAndExemptionWithoutTrace_BothListed()
    {
        var digest = DigestBuilder.Build(Request(), Items, Events);

        Assert.Equal(
            [("contoso/web#3", true), ("contoso/onboarding#21", false)],
            digest.EscapedPullRequests.Select(p => (p.Item.Id, p.Exempt)));
    }

    [Fact]
    public void Stateless_FromEvaluations_HasNoTrendNoChangeAndSeverityOrder()
    {
        var evaluations = Items.Where(i => i.IsOpen).Select(ToEvaluation).ToList();

        var digest = DigestBuilder.BuildStateless(DigestFixture.Anatomy, evaluations, Diagnostics);
        var markdown = DigestMarkdownRenderer.Render(digest);
        var shape = MarkdownShape.Parse(markdown);

        Assert.Null(digest.Week);
        Assert.Empty(digest.Trend);
        Assert.Empty(digest.EscapedPullRequests);
        Assert.DoesNotContain("Trend", shape.Headings);
        Assert.DoesNotContain(DigestMarkers.Prefix, markdown, StringComparison.Ordinal);
        Assert.Contains("Open gaps, most severe first", shape.Headings);
        Assert.Equal(GapSeverity.Block, digest.OldestGaps[0].Severity);
        Assert.Equal(2, digest.Headline.Count);
    }

    private static ItemEvaluation ToEvaluation(StoredEvaluation stored) => new()
    {
        Item = new WorkItem { Id = stored.ItemId, Source = stored.Source, Kind = stored.Kind, Title = stored.Title, Url = stored.Url, Scope = stored.Scope },
        Layer = stored.Layer,
        Trace = stored.Trace,
        Gaps = [.. stored.Gaps.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Gap(g.Key, g.Value, "m", "f", []))],
    };
}
