using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnatomyBot.Benchmarks;

/// <summary>Target: the weekly digest over a SQLite ledger of 100,000 items and 1,000,000 gap events in
/// under 5 s on the 2-core machine — both ledger streams read once, the model built, the Markdown rendered (cut for a
/// GitHub issue) and the HTML page rendered. The seeded ledger is cached in the temp folder (see <see cref="SeededLedger"/>).
/// Run: <c>dotnet run -c Release --project bench/AnatomyBot.Benchmarks -- --filter *DigestBenchmarks*</c>.</summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
public class DigestBenchmarks
{
    /// <summary>In-process: on the shared 2-core machine BenchmarkDotNet's generated-project build times out.</summary>
    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
    }

    private static readonly DateTimeOffset Until = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private SqliteLedgerDatabase? database;
    private DigestService? service;
    private DigestRequest? request;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var seed = new LedgerSeedOptions { Items = 100_000, GapEvents = 1_000_000, Until = Until, Weeks = 8 };
        database = await SeededLedger.OpenAsync(seed);
        service = new DigestService(new SqliteEvaluationLedger(database));
        request = DigestRequest.For(Anatomy(seed), new IsoWeek(2026, 48));
    }

    [GlobalCleanup]
    public void Cleanup() => database?.Dispose();

    [Benchmark(Description = "Weekly digest: 100k items + 1M gap events → model → Markdown + HTML")]
    public async Task<int> WeeklyDigest()
    {
        var digest = await service!.BuildAsync(request!, CancellationToken.None);
        var markdown = DigestMarkdownRenderer.Render(digest, DigestRenderOptions.GitHubIssue("https://example.test/digest.md"));
        var html = DigestHtmlRenderer.Render(digest, AnatomyBot.Cli.Digest.MermaidBundle.Script);
        return markdown.Length + html.Length;
    }

    /// <summary>An anatomy over the seeder's ids: two value streams of six stages, each stage with logic and components.</summary>
    private static EnterpriseAnatomy Anatomy(LedgerSeedOptions seed)
    {
        var streams = seed.Stages.Chunk(6).Select((stages, v) => new ValueStream
        {
            Id = $"vs-{v + 1}",
            Name = $"Value stream {v + 1}",
            Outcomes = [seed.Outcomes[v % seed.Outcomes.Count]],
            Stages = [.. stages.Select((id, i) => new Stage
            {
                Id = id,
                Name = "Stage " + id,
                ValueStreamId = $"vs-{v + 1}",
                Order = i,
                Logic = i % 3 == 2 ? [] : [seed.Logic[(v * 6 + i) % seed.Logic.Count]],
            })],
        }).ToList();
        return new EnterpriseAnatomy(
            [.. seed.Outcomes.Select(id => new Outcome { Id = id, Name = "Outcome " + id, Metric = "metric", Target = "target" })],
            streams,
            [.. seed.Logic.Select((id, i) => new LogicElement { Id = id, Name = "Logic " + id, Kind = LogicKind.Rule, Components = [seed.Components[i % seed.Components.Count]] })],
            [.. seed.Components.Select(id => new Component { Id = id, Name = "Component " + id, Kind = ComponentKind.Data, Spec = "specs/" + id + ".md" })]);
    }
}
