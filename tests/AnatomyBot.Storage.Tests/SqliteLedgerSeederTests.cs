using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Storage.Tests;

public sealed class SqliteLedgerSeederTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Seed_WritesTheRequestedHistory_AndEveryLatestMatchesItsEvents()
    {
        using var database = new SqliteLedgerDatabase(folder.File("seed.db"));
        var until = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        await SqliteLedgerSeeder.SeedAsync(database, new LedgerSeedOptions { Items = 300, GapEvents = 5_000, Until = until, Weeks = 4 }, CancellationToken.None);
        var ledger = new SqliteEvaluationLedger(database);

        var events = new List<GapEvent>();
        await foreach (var e in ledger.ListGapEventsAsync(until.AddDays(-28), until, CancellationToken.None))
        {
            events.Add(e);
        }

        var latest = new List<StoredEvaluation>();
        await foreach (var evaluation in ledger.ListLatestAsync(CancellationToken.None))
        {
            latest.Add(evaluation);
        }

        Assert.Equal(5_000, events.Count);
        Assert.Equal(300, latest.Count);
        Assert.Equal(events.OrderBy(e => e.At).Select(e => e.At), events.Select(e => e.At));
        var open = events.GroupBy(e => (e.Source, e.ItemId, e.Code)).Where(g => g.Last().Kind == GapEventKind.Opened).Select(g => g.Key).ToHashSet();
        Assert.All(events.GroupBy(e => (e.Source, e.ItemId, e.Code)), g => Assert.Equal(
            g.Select((_, i) => i % 2 == 0 ? GapEventKind.Opened : GapEventKind.Closed), g.Select(e => e.Kind)));
        Assert.Equal(
            open.OrderBy(k => k),
            latest.SelectMany(l => l.Gaps.Keys.Select(code => (l.Source, l.ItemId, code))).OrderBy(k => k));
        Assert.Contains(latest, l => l.MergedAt is not null);
        Assert.Contains(latest, l => l.ItemId.Contains('#', StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
