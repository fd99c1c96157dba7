using AnatomyBot.Storage.Sqlite;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks;

/// <summary>Reading the digest's inputs from a SQLite ledger of 100,000 items and 1,000,000 gap events (part of the
/// digest's target: the whole digest in under 5 s). The seeded file is cached in the temp folder and reused across runs.
/// Run: <c>dotnet run -c Release --project bench/AnatomyBot.Benchmarks -- --filter *LedgerRead*</c>.</summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class LedgerReadBenchmarks
{
    private static readonly DateTimeOffset Until = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private SqliteLedgerDatabase? database;
    private SqliteEvaluationLedger? ledger;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await SeededLedger.OpenAsync(new LedgerSeedOptions { Items = 100_000, GapEvents = 1_000_000, Until = Until, Weeks = 8 });
        ledger = new SqliteEvaluationLedger(database);
    }

    [GlobalCleanup]
    public void Cleanup() => database?.Dispose();

    [Benchmark(Description = "1M gap events (8 weeks), streamed")]
    public async Task<int> GapEvents()
    {
        var count = 0;
        await foreach (var _ in ledger!.ListGapEventsAsync(Until.AddDays(-56), DateTimeOffset.MaxValue, CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "100k latest evaluations, streamed")]
    public async Task<int> LatestEvaluations()
    {
        var count = 0;
        await foreach (var _ in ledger!.ListLatestAsync(CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
