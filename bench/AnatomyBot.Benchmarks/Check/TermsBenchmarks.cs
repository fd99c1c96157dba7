using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Linkage;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The ranking terms of 2,000 synthetic work items (title and HTML description), as <c>check</c> reads them
/// for every item that may have a gap: a micro-benchmark to compare term readers on this noisy machine.</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class TermsBenchmarks
{
    private IReadOnlyList<WorkItem> _items = [];
    private TermVocabulary _vocabulary = null!;
    private readonly List<int> _terms = [];
    private readonly TermSet _seen = new();

    [GlobalSetup]
    public void Setup()
    {
        var (index, items) = SyntheticItems.Load(2_000, seed: 7);
        (_vocabulary, _items) = (index.Vocabulary, items);
    }

    [Benchmark]
    public int Collect()
    {
        var count = 0;
        foreach (var item in _items)
        {
            _terms.Clear();
            _seen.Clear(_vocabulary.Count);
            _vocabulary.Collect(item.Title, skipTags: false, _terms, _seen);
            _vocabulary.Collect(item.Body, skipTags: true, _terms, _seen);
            count += _terms.Count;
        }

        return count;
    }
}
