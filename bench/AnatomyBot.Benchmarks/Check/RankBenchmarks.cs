using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Suggestion ranking as <c>check</c> runs it: the top three elements of the outcome, stage and component layers
/// for 2,000 synthetic work items' terms (6,000 rankings against the 540-element anatomy). A micro-benchmark to compare
/// rankers on this noisy machine. <see cref="RankBelowTrace"/> ranks the logic and component layers of items whose trace
/// holds a stage, so that the elements below it come first (2,000 items, 4,000 rankings).</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class RankBenchmarks
{
    private readonly List<TermIds> _queries = [];
    private int[][] _traces = [];
    private SuggestionRanker _ranker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (index, items) = SyntheticItems.Load(2_000, seed: 7);
        _ranker = new SuggestionRanker(index);
        foreach (var item in items)
        {
            _queries.Add(_ranker.TermsOf(item.Title, item.Body, item.BodyFormat));
        }

        var stages = Enumerable.Range(0, index.Elements.Length).Where(e => index.Elements[e].Layer == Layer.Stage).ToArray();
        _traces = [.. _queries.Select((_, i) => new[] { stages[i % stages.Length] })];
    }

    [Benchmark]
    public double RankBelowTrace()
    {
        var sum = 0.0;
        for (var i = 0; i < _queries.Count; i++)
        {
            foreach (var layer in (ReadOnlySpan<Layer>)[Layer.Logic, Layer.Component])
            {
                var (top, _) = _ranker.Rank(layer, _queries[i], _traces[i]);
                sum += top.Count > 0 ? top[0].Score : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public double Rank()
    {
        var sum = 0.0;
        foreach (var query in _queries)
        {
            foreach (var layer in (ReadOnlySpan<Layer>)[Layer.Outcome, Layer.Stage, Layer.Component])
            {
                var (top, _) = _ranker.Rank(layer, query, []);
                sum += top.Count > 0 ? top[0].Score : 0;
            }
        }

        return sum;
    }
}
