using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Places every item on the anatomy and finds what it lacks, in two steps.
/// <list type="number">
/// <item><b>Each item on its own</b> (<see cref="Prepare"/>): the references it makes itself (labels, reference lines,
/// policy fields) resolved against the anatomy, plus the components its changed files lie under; its layer is the
/// deepest of those; its own closure is those elements and all the anatomy implies from them; ids the anatomy does not
/// know are noted; its rule comes from the policy (or, with value-stream scopes, the rules it may take), and its
/// exemption from its labels or author.</item>
/// <item><b>Across the batch</b> (<see cref="Judge"/>): parents and linked work items are found among the items; each
/// item's effective links are its own closure plus its ancestors' outcomes and stages, plus (pull requests) all of the
/// work items it links to; its trace is those links by layer; a value-stream scope's rule applies when the trace holds a
/// stage of that value stream; and its gaps are what its rule requires and its links lack (<see cref="GapEvaluator"/>).</item>
/// </list>
/// Indexes the anatomy once; thread-safe; never throws for bad item data. A large backlog goes through a
/// <see cref="BacklogBatch"/>, which runs the same two steps.</summary>
public sealed class LinkageEngine : ILinkageEngine
{
    private readonly AnatomyPolicy _policy;
    private readonly AnatomyIndex _index;
    private readonly PolicyResolver _rules;
    private readonly GapEvaluator _gaps;

    /// <summary>The traces of the anatomy's own closures, built once and read by every evaluation.</summary>
    private readonly Dictionary<int[], Trace> _closureTraces;

    public LinkageEngine(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        _policy = anatomy.Policy;
        _index = new AnatomyIndex(anatomy);
        _rules = new PolicyResolver(anatomy.Policy, _index);
        _gaps = new GapEvaluator(_index, new GapText(anatomy.Policy));
        _closureTraces = TraceCache.ForClosures(_index);
        Scratch = new ScratchPool(_index);
    }

    /// <summary>The scratch of the engine's workers, reused across evaluations.</summary>
    internal ScratchPool Scratch { get; }

    public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var prepared = new PreparedItem[items.Count];
        Workers.For(items.Count, Scratch, (i, scratch) => prepared[i] = Prepare(scratch.Draft.From(items[i]), items[i].Body, scratch));
        var results = new ItemEvaluation[items.Count];
        Judge(prepared, (i, trace, gaps) => results[i] = ItemEvaluation.Of(items[i], prepared[i], trace, gaps));
        return results;
    }

    /// <summary>The first step, for one item on its own (see the type's summary). Keeps nothing of
    /// <paramref name="item"/> or <paramref name="body"/> but what the second step needs, so that a large backlog does
    /// not hold every description until the end.</summary>
    internal PreparedItem Prepare(WorkItemDraft item, ReadOnlySpan<char> body, ItemScratch scratch)
    {
        var references = ReferenceExtractor.Extract(item, body, _policy, scratch.Text);
        var prepared = new PreparedItem(item, references)
        {
            ExemptReason = Exemptions.Reason(item, _policy),
            Rules = _rules.Resolve(item),
        };

        var own = scratch.Own;
        own.Clear();
        foreach (var reference in references.Elements)
        {
            if (_index.TryFind(reference.Id, out var element))
            {
                own.Add(element);
            }
            else
            {
                prepared.AddUnknown(reference);
            }
        }

        if (_index.AddComponentsMatching(item.ChangedPaths, own) is { } problem)
        {
            prepared.AddDiagnostic(problem);
        }

        prepared.Layer = _index.DeepestLayer(own);
        prepared.OwnClosure = _index.ClosureOf(own, scratch.Closure);

        // Read now, while the body is at hand: its suggestions' ranking terms, for an item that may have a gap.
        if (_gaps.MayHaveGap(prepared))
        {
            prepared.Terms = scratch.Ranker.TermsOf(item.Title, body, item.BodyFormat);
        }

        return prepared;
    }

    /// <summary>The second step, across <paramref name="items"/> (see the type's summary): gives each item's trace and
    /// gaps to <paramref name="result"/>, by item index, from several threads for a large batch.</summary>
    internal void Judge(PreparedItem[] items, Action<int, Trace, IReadOnlyList<Gap>> result)
    {
        var effective = new ClosureResolver(_index, items).Resolve();
        var traces = new TraceCache(_index, _closureTraces);
        Workers.For(items.Length, Scratch, (i, scratch) => result(i, traces.Get(effective[i]), _gaps.Find(items[i], effective[i], scratch)));
    }
}
