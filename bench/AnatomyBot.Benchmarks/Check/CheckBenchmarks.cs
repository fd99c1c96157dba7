using System.Text.Json;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

using AnatomyBot.Synthetic;

namespace AnatomyBot.Benchmarks.Check;

/// <summary><c>check</c>'s core path (read the file, parse item by item, map, evaluate, build the report) on 100,000
/// synthetic Azure DevOps work items against a 540-element anatomy, side by side with a bare <c>JsonDocument.Parse</c>
/// of the same file, in one process. The target is measured on whole processes (<c>bench/check-vs-parse.sh</c>); this
/// shows where the time goes inside one.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class CheckBenchmarks
{
    private string _backlog = "";
    private EnterpriseAnatomy _anatomy = null!;

    [Params(100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "anatomybot-bench");
        Directory.CreateDirectory(folder);
        _backlog = Path.Combine(folder, $"backlog-{Items}-raw-html.json");
        if (!File.Exists(_backlog))
        {
            using var file = File.Create(_backlog);
            SyntheticBacklog.Write(file, Items, seed: 42);
        }

        var parsed = AnatomyParser.Parse(SyntheticAnatomy.Yaml());
        _anatomy = parsed.Anatomy ?? throw new InvalidOperationException(string.Join("; ", parsed.Errors.Select(e => $"{e.Position}: {e.Message}")));
    }

    /// <summary>Three warm-ups (the first runs still compile and promote methods) and nine measured runs in a fresh
    /// process, with the CLI's runtime settings (see its project file): no background GC, freed memory kept committed,
    /// loops compiled optimised at once. The bare parse runs under the same settings (server GC was measured and not
    /// kept: it makes the bare parse's one 160 MB allocation 5–7× slower, which would flatter the ratio). Median and
    /// minimum are shown beside the mean: a run of <c>check</c> during which a gen0 collection happens pays page faults
    /// a run without one does not, so its times fall in two groups.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9).WithInvocationCount(1).WithUnrollFactor(1)
                .WithGcConcurrent(false).WithGcRetainVm(true)
                .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TC_QuickJitForLoops", "0")));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (bare)")]
    public int BareParse()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(_backlog));
        return document.RootElement.GetProperty("value").GetArrayLength();
    }

    [Benchmark(Description = "check core path")]
    public int Check()
    {
        using var stream = File.OpenRead(_backlog);
        var report = CheckPipeline.Run(_anatomy, [(_backlog, stream)], FailOn.Block);
        return report.Items.Count;
    }
}
