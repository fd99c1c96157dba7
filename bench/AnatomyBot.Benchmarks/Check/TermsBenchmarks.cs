using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The ranking terms of 2,000 synthetic work items (title and HTML description), as <c>check</c> reads them
/// for every item that may have a gap: a micro-benchmark to compare term readers on this noisy machine.</summary>
[Config(typeof(Config))]
public class TermsBenchmarks
{
    private readonly List<(string Title, string Body)> _items = [];
    private TermVocabulary _vocabulary = null!;
    private readonly List<int> _terms = [];
    private readonly TermSet _seen = new();

    [GlobalSetup]
    public void Setup()
    {
        var anatomy = AnatomyParser.Parse(SyntheticAnatomy.Yaml()).Anatomy!;
        _vocabulary = new AnatomyIndex(anatomy).Vocabulary;
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 2_000, seed: 7);
        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
        {
            var item = AzureDevOpsWorkItemMapper.Map(element).Item!;
            _items.Add((item.Title, item.Body));
        }
    }

    [Benchmark]
    public int Collect()
    {
        var count = 0;
        foreach (var (title, body) in _items)
        {
            _terms.Clear();
            _seen.Clear(_vocabulary.Count);
            _vocabulary.Collect(title, skipTags: false, _terms, _seen);
            _vocabulary.Collect(body, skipTags: true, _terms, _seen);
            count += _terms.Count;
        }

        return count;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(30));
    }
}
