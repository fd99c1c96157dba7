using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Linkage;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Suggestion ranking as <c>check</c> runs it: the top three elements of the outcome, stage and component layers
/// for 2,000 synthetic work items' terms (6,000 rankings against the 540-element anatomy). A micro-benchmark to compare
/// rankers on this noisy machine.</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class RankBenchmarks
{
    private readonly List<int[]> _queries = [];
    private AnatomyIndex _index = null!;
    private double[] _scores = [];
    private readonly List<int> _touched = [];

    [GlobalSetup]
    public void Setup()
    {
        (_index, var items) = SyntheticItems.Load(2_000, seed: 7);
        _scores = new double[_index.Elements.Length];
        var terms = new List<int>();
        var seen = new TermSet();
        foreach (var item in items)
        {
            terms.Clear();
            seen.Clear(_index.Vocabulary.Count);
            _index.Vocabulary.Collect(item.Title, skipTags: false, terms, seen);
            _index.Vocabulary.Collect(item.Body, skipTags: true, terms, seen);
            _queries.Add([.. terms]);
        }
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
}
