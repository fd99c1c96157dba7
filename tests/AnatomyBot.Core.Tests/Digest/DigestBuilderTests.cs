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
        var digest = DigestBuilder.Build(Request() with { Anatomy = DigestFixture.AnatomyWithoutWaivers, CommandWaivers = [] }, [], []);
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
        var digest = DigestBuilder.Build(Request() with { Anatomy = DigestFixture.AnatomyWithoutWaivers, CommandWaivers = [], Diagnostics = [] }, [], []);

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
    public void Attention_OneRowPerItemMostSevereFirstThenLongestOpen_GapOlderThanWindowMarkedBefore()
    {
        var digest = DigestBuilder.Build(Request(), Items, Events);

        var ids = digest.Attention.Select(a => a.Item.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(GapSeverity.Block, digest.Attention[0].Severity);
        Assert.All(digest.Attention.Skip(1), a => Assert.True(a.Severity <= digest.Attention[0].Severity));
        var oldest = digest.Attention.First(a => a.Severity == GapSeverity.Warn);
        Assert.Equal("101", oldest.Item.Id);
        Assert.True(oldest.BeforeWindow);
        var seven = digest.Attention.Single(a => a.Item.Id == "contoso/onboarding#7");
        Assert.Equal(Nov(10), seven.OpenSince);
        Assert.Equal(["no-component", "no-outcome"], digest.Attention.Single(a => a.Item.Id == "102").Codes);
        Assert.DoesNotContain(digest.Attention, a => a.Item.Id == "contoso/onboarding#21");
    }

    [Fact]
    public void Attention_PastTheLimit_CountsTheRestAndSaysWhereToSeeThem()
    {
        var digest = DigestBuilder.Build(Request() with { AttentionLimit = 2 }, Items, Events);
        var markdown = DigestMarkdownRenderer.Render(digest);

        Assert.Equal(2, digest.Attention.Count);
        Assert.True(digest.MoreAttention > 0);
        Assert.Contains($"…and {digest.MoreAttention} more items with open gaps, not listed here: `anatomybot check --format markdown`", markdown, StringComparison.Ordinal);
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
        Assert.Contains("Items with open gaps, most severe first", shape.Headings);
        Assert.Equal(GapSeverity.Block, digest.Attention[0].Severity);
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
