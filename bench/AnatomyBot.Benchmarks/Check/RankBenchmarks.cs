using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Suggestion ranking as <c>check</c> runs it: the top three elements of each layer for 2,000 synthetic work
/// items' terms (6,000 rankings against the 540-element anatomy). A micro-benchmark to compare rankers on this noisy
/// machine.</summary>
[Config(typeof(Config))]
public class RankBenchmarks
{
    private readonly List<int[]> _queries = [];
    private AnatomyIndex _index = null!;
    private double[] _scores = [];
    private readonly List<int> _touched = [];

    [GlobalSetup]
    public void Setup()
    {
        var anatomy = AnatomyParser.Parse(SyntheticAnatomy.Yaml()).Anatomy!;
        _index = new AnatomyIndex(anatomy);
        _scores = new double[_index.Elements.Length];
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 2_000, seed: 7);
        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var terms = new List<int>();
        var seen = new TermSet();
        foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
        {
            var item = AzureDevOpsWorkItemMapper.Map(element).Item!;
            terms.Clear();
            seen.Clear(_index.Vocabulary.Count);
            _index.Vocabulary.Collect(item.Title, skipTags: false, terms, seen);
            _index.Vocabulary.Collect(item.Body, skipTags: true, terms, seen);
            _queries.Add([.. terms]);
        }

        Console.WriteLine($"// layers: {string.Join(", ", new[] { Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component }.Select(l => $"{l} {_index.Ranker(l).Count}"))}; terms per item {_queries.Average(q => q.Length):F1}");
    }

    [Benchmark]
    public double Rank()
    {
        var sum = 0.0;
        foreach (var query in _queries)
        {
            foreach (var layer in (ReadOnlySpan<Layer>)[Layer.Outcome, Layer.Stage, Layer.Component])
            {
                var top = _index.Ranker(layer).Top(query, 3, _scores, _touched);
                sum += top.Count > 0 ? top[0].Score : 0;
            }
        }

        return sum;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(30));
    }
}
