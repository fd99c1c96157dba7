using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Ranking;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The ranking terms of 2,000 synthetic work items (title and HTML description), as <c>check</c> reads them
/// for every item that may have a gap: a micro-benchmark to compare term readers on this noisy machine.</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class TermsBenchmarks
{
    private IReadOnlyList<WorkItem> _items = [];
    private SuggestionRanker _ranker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (index, items) = SyntheticItems.Load(2_000, seed: 7);
        (_ranker, _items) = (new SuggestionRanker(index), items);
    }

    [Benchmark]
    public int Collect()
    {
        var count = 0;
        foreach (var item in _items)
        {
            count += _ranker.TermsOf(item.Title, item.Body, item.BodyFormat).Length;
        }

        return count;
    }
}
