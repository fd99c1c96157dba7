using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Text;
using AnatomyBot.Core.Policy;
using AnatomyBot.Synthetic;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The references of 2,000 synthetic work items (labels, fields, the lines of their HTML descriptions), as
/// <c>check</c> reads them for every item: a micro-benchmark to compare text readers on this noisy machine.</summary>
[Config(typeof(SyntheticItems.MicroConfig))]
public class ReferencesBenchmarks
{
    private readonly WorkItemDraft _draft = new();
    private readonly TextScratch _scratch = new();
    private IReadOnlyList<WorkItem> _items = [];
    private AnatomyPolicy _policy = AnatomyPolicy.Default;

    [GlobalSetup]
    public void Setup()
    {
        (_, _items) = SyntheticItems.Load(2_000, seed: 7);
        _policy = AnatomyParser.Parse(SyntheticAnatomy.Yaml()).Anatomy!.Policy;
    }

    [Benchmark]
    public int Extract()
    {
        var count = 0;
        foreach (var item in _items)
        {
            count += ReferenceExtractor.Extract(_draft.From(item), item.Body, _policy, _scratch).Elements.Count;
        }

        return count;
    }
}
