using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Tests.Support;
using static AnatomyBot.Core.Tests.Digest.DigestFixture;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>An eight-stage value stream with work on most stages and work placed on no stage, in a ledger that began
/// the week before: the picture wraps into rows, the unplaced work has its box, the stage tables add up, and a trend of
/// two weeks is drawn.</summary>
public sealed class LongStreamDigestTests
{
    private static readonly string[] StageNames =
    [
        "Lead captured", "Quote prepared and sent", "Order confirmed", "Credit check", "Contract signed", "Provisioned",
        "Invoiced", "Paid",
    ];

    private static EnterpriseAnatomy LongAnatomy { get; } = new(
        [new Outcome { Id = "O-CASH", Name = "Faster order to cash" }],
        [
            new ValueStream
            {
                Id = "VS-O2C", Name = "Order to cash", Outcomes = ["O-CASH"],
                Stages = [.. StageNames.Select((name, i) => new Stage { Id = $"ST-{i + 1}", Name = name, ValueStreamId = "VS-O2C", Order = i, Logic = ["L-PRICE"] })],
            },
        ],
        [new LogicElement { Id = "L-PRICE", Name = "Pricing rules", Kind = LogicKind.Rule, Components = ["C-PRICE"] }],
        [new Component { Id = "C-PRICE", Name = "Pricing engine", Kind = ComponentKind.Rule }]);

    private static IReadOnlyList<StoredEvaluation> LongItems { get; } =
    [
        .. Enumerable.Range(1, 7).Select(i => Gh($"contoso/o2c#{i}", ItemKind.Story, $"Story {i}", Layer.Component, T(["O-CASH"], [$"ST-{i}"], ["L-PRICE"], ["C-PRICE"]), Nov(16))),
        Gh("contoso/o2c#8", ItemKind.Story, "Dunning letters", Layer.Stage, T(["O-CASH"], ["ST-2"]), Nov(16), ("no-component", GapSeverity.Warn)),
        Gh("contoso/o2c#9", ItemKind.PullRequest, "Fix rounding", Layer.Unmapped, T(["O-CASH"], ["ST-3"], ["L-PRICE"], ["C-PRICE"]), Nov(24)),
        Gh("contoso/o2c#10", ItemKind.Epic, "Self-billing", Layer.Outcome, T(["O-CASH"], []), Nov(16)),
        Gh("contoso/o2c#11", ItemKind.Story, "Export to ERP", Layer.Unmapped, Trace.Empty, Nov(24), ("no-stage", GapSeverity.Warn), ("no-outcome", GapSeverity.Warn)),
    ];

    private static IReadOnlyList<GapEvent> LongEvents { get; } =
    [
        new(ItemSource.GitHub, "contoso/o2c#8", "no-component", GapSeverity.Warn, GapEventKind.Opened, Nov(16)),
        new(ItemSource.GitHub, "contoso/o2c#3", "no-component", GapSeverity.Warn, GapEventKind.Opened, Nov(16)),
        new(ItemSource.GitHub, "contoso/o2c#3", "no-component", GapSeverity.Warn, GapEventKind.Closed, Nov(24)),
        new(ItemSource.GitHub, "contoso/o2c#11", "no-stage", GapSeverity.Warn, GapEventKind.Opened, Nov(24)),
        new(ItemSource.GitHub, "contoso/o2c#11", "no-outcome", GapSeverity.Warn, GapEventKind.Opened, Nov(24)),
    ];

    [Fact]
    public void LongStream_GitHubFlavour_MatchesGoldenFile()
    {
        GoldenFiles.AssertMatches("Digest", "long-stream.github.md", DigestMarkdownRenderer.Render(Build()));
    }

    [Fact]
    public void LongStream_Picture_WrapsIntoRowsOfFiveLinkedRowToRow()
    {
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(Build()));
        var flowchart = MarkdownShape.Text(shape.Mermaid[0]);

        Assert.Contains("flowchart TB", flowchart, StringComparison.Ordinal);
        Assert.Equal(2, flowchart.Split('\n').Count(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)));
        Assert.Contains("row0 --> row1", flowchart, StringComparison.Ordinal);
        Assert.DoesNotContain("s4 --> s5", flowchart, StringComparison.Ordinal);
        Assert.Contains("Quote prepared<br/>and sent<br/>2 items<br/>50% linked", flowchart, StringComparison.Ordinal);
    }

    [Fact]
    public void LongStream_StageTables_LayerColumnsAddUpToWork()
    {
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(Build()));

        var tables = Enumerable.Range(0, shape.Tables.Count).Select(shape.Rows).Where(t => t[0][0] == "Stage").ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Stage", "Work", "Outcome only", "Stage only", "Logic", "Component", "Not placed", "Open gaps", "Fully linked"], tables[0][0]);
        foreach (var row in tables.SelectMany(t => t.Skip(1)))
        {
            Assert.Equal(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), row.Skip(2).Take(5).Sum(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(["no stage", "2", "1", "0", "0", "0", "1", "2", "1 (50%)"], tables[1][1]);
        Assert.Equal(["Order confirmed ST-3", "2", "0", "0", "0", "1", "1", "0", "2 (100%)"], tables[0][3]);
    }

    [Fact]
    public void LongStream_UnplacedWork_HasItsOwnBox()
    {
        var digest = Build();
        var shape = MarkdownShape.Parse(DigestMarkdownRenderer.Render(digest));

        Assert.Equal(2, digest.UnplacedWork.Items);
        Assert.Contains(StageDigest.UnplacedName, shape.Headings);
        Assert.Contains(shape.Mermaid, m => MarkdownShape.Text(m).Contains("Not placed on<br/>any stage<br/>2 items<br/>50% linked", StringComparison.Ordinal));
    }

    [Fact]
    public void LongStream_LedgerTwoWeeksOld_TrendOfTwoWeeksWithWholeTicks()
    {
        var digest = Build();
        var markdown = DigestMarkdownRenderer.Render(digest);

        Assert.Equal([new IsoWeek(2026, 47), new IsoWeek(2026, 48)], digest.Trend.Select(p => p.Week));
        Assert.Contains("Trend over 2 weeks", MarkdownShape.Parse(markdown).Headings);
        Assert.Contains("y-axis \"Gaps\" 0 --> 8", markdown, StringComparison.Ordinal);
        Assert.Contains("🟦 bars: gaps opened · 🟩 line: gaps closed", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_LedgerOneWeekOld_NoChartButTheWeeksGapsNamed()
    {
        var items = LongItems.Select(i => i with { FirstSeen = Nov(24) }).ToList();
        var events = LongEvents.Where(e => e.At >= Nov(23)).ToList();

        var digest = DigestBuilder.Build(DigestRequest.For(LongAnatomy, Week), items, events);
        var markdown = DigestMarkdownRenderer.Render(digest);

        Assert.Single(digest.Trend);
        Assert.DoesNotContain("xychart-beta", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(MarkdownShape.Parse(markdown).Headings, h => h.StartsWith("Trend", StringComparison.Ordinal));
        Assert.Contains("2 gaps opened and 1 gap closed in 2026-W48.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WeekGaps_SevenOpened_NamesTheFiveMostSevereAndCountsAll()
    {
        GapEvent Opened(int item, GapSeverity severity, int hour) =>
            new(ItemSource.GitHub, $"contoso/o2c#{item}", "no-component", severity, GapEventKind.Opened, Nov(24).AddHours(hour));
        GapEvent[] events = [Opened(1, GapSeverity.Warn, 1), Opened(2, GapSeverity.Warn, 2), Opened(3, GapSeverity.Block, 9), Opened(4, GapSeverity.Warn, 3),
            Opened(5, GapSeverity.Warn, 0), Opened(6, GapSeverity.Block, 8), Opened(7, GapSeverity.Warn, 4)];

        var digest = DigestBuilder.Build(DigestRequest.For(LongAnatomy, Week), LongItems, events);

        Assert.Equal(7, digest.WeekGaps.OpenedTotal);
        Assert.Equal(["contoso/o2c#6", "contoso/o2c#3", "contoso/o2c#5", "contoso/o2c#1", "contoso/o2c#2"], digest.WeekGaps.Opened.Select(g => g.Item.Id));
        Assert.Equal("Story 6", digest.WeekGaps.Opened[0].Item.Title);
        Assert.Contains("**Opened**, the 5 most severe of 7:", DigestMarkdownRenderer.Render(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_StoredStatelessAndEveryFlavour_ShowTheSameWarningsAndErrors()
    {
        var all = AnatomyLinter.Lint(LongAnatomy).Diagnostics;
        Assert.Contains(all, d => d.Severity == DiagnosticSeverity.Info);
        var evaluations = LongItems.Select(i => new ItemEvaluation
        {
            Item = new WorkItem { Id = i.ItemId, Source = i.Source, Kind = i.Kind, Title = i.Title, Url = i.Url, Scope = i.Scope },
            Layer = i.Layer,
            Trace = i.Trace,
            Gaps = [],
        });

        var stored = DigestBuilder.Build(DigestRequest.For(LongAnatomy, Week), LongItems, LongEvents);
        var everything = DigestBuilder.Build(new DigestRequest { Anatomy = LongAnatomy, Week = Week, Diagnostics = all }, LongItems, LongEvents);
        var stateless = DigestBuilder.BuildStateless(LongAnatomy, evaluations, all);

        var expected = all.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.All([stored, everything, stateless], d => Assert.Equal(expected, d.AnatomyDiagnostics.Select(x => x.Code).Order(StringComparer.Ordinal)));
        var github = MarkdownShape.Parse(DigestMarkdownRenderer.Render(stored));
        var azure = MarkdownShape.Parse(DigestMarkdownRenderer.Render(stateless, new DigestRenderOptions { Flavor = DigestFlavor.AzureDevOps }));
        Assert.Equal(LintRows(github), LintRows(azure));
    }

    private static List<string> LintRows(MarkdownShape shape) =>
        [.. Enumerable.Range(0, shape.Tables.Count).Select(shape.Rows).Single(t => t[0][0] == "Severity").Skip(1).Select(r => string.Join(" ", r))];

    private static WeeklyDigest Build() => DigestBuilder.Build(DigestRequest.For(LongAnatomy, Week), LongItems, LongEvents);
}
