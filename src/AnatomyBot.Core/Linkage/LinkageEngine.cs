using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Places every item on the anatomy: resolves its own references, adds what its ancestors, linked work items
/// and the anatomy imply (the closure), finds its layer and the links its policy requires but it lacks, and ranks
/// suggestions for each gap. Indexes the anatomy once; thread-safe; never throws for bad item data.</summary>
public sealed class LinkageEngine : ILinkageEngine
{
    private const int ParallelThreshold = 2048;

    /// <summary>Each thread's list of the elements an item references, reused item after item.</summary>
    [ThreadStatic]
    private static List<int>? t_own;

    [ThreadStatic]
    private static List<int>? t_closure;

    /// <summary>Each thread's draft, filled from a work item to prepare it.</summary>
    [ThreadStatic]
    private static WorkItemDraft? t_draft;

    private readonly EnterpriseAnatomy _anatomy;
    private readonly AnatomyIndex _index;
    private readonly PolicyResolver _rules;
    private readonly GapEvaluator _gaps;

    /// <summary>The traces of the anatomy's own closures, built once and read by every evaluation.</summary>
    private readonly Dictionary<int[], Trace> _closureTraces;

    public LinkageEngine(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        _anatomy = anatomy;
        _index = new AnatomyIndex(anatomy);
        _rules = new PolicyResolver(anatomy.Policy);
        _gaps = new GapEvaluator(_index, new GapText(anatomy.Policy));
        _closureTraces = TraceCache.ForClosures(_index);
    }

    public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var prepared = new PreparedItem[items.Count];
        ForEach(items.Count, i => prepared[i] = Prepare((t_draft ??= new WorkItemDraft()).From(items[i]), items[i].Body, keep: items[i]));
        return Evaluate(prepared);
    }

    /// <summary>The first half of <see cref="Evaluate(IReadOnlyList{WorkItem})"/> for one item: reads its own references,
    /// its exemption, its policy rule and the terms its suggestions are ranked on. Thread-safe, so a reader can prepare
    /// items while it reads the next ones. The prepared item keeps only the work item's identity (id, source, kind,
    /// title, open or not): the rest is read here and not needed again, so a large backlog does not hold every
    /// description until the end.</summary>
    public PreparedItem Prepare(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Prepare(item, item.Body);
    }

    /// <summary>As <see cref="Prepare(WorkItem)"/>, with the body read from <paramref name="body"/> instead of
    /// <see cref="WorkItem.Body"/>: a reader of many items keeps each body in a reused buffer, not a string.</summary>
    public PreparedItem Prepare(WorkItem item, ReadOnlySpan<char> body)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Prepare((t_draft ??= new WorkItemDraft()).From(item), body, keep: null);
    }

    /// <summary>As <see cref="Prepare(WorkItem, ReadOnlySpan{char})"/>, from a draft the reader filled instead of a work
    /// item: a reader of a whole backlog makes no work item per item. The draft may be refilled as soon as this returns.</summary>
    public PreparedItem Prepare(WorkItemDraft item, ReadOnlySpan<char> body)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Prepare(item, body, keep: null);
    }

    /// <summary>The second half: resolves parents, linked items and the closure across <paramref name="items"/>, then
    /// finds each item's gaps. Results are in the order of <paramref name="items"/>; each item may be evaluated once.</summary>
    public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<PreparedItem> items)
    {
        var evaluated = EvaluateEach(items);
        var results = new ItemEvaluation[evaluated.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new ItemEvaluation(evaluated[i]);
        }

        return results;
    }

    /// <summary>As <see cref="Evaluate(IReadOnlyList{PreparedItem})"/>, each result a value: for a caller of a whole
    /// backlog, which needs no work item and no object per result.</summary>
    public EvaluatedItem[] EvaluateEach(IReadOnlyList<PreparedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var prepared = items as PreparedItem[] ?? [.. items];
        var effective = new ClosureResolver(_index, prepared).Resolve();
        var traces = new TraceCache(_index, _closureTraces);
        var results = new EvaluatedItem[prepared.Length];
        ForEach(prepared.Length, i => results[i] = Finish(prepared[i], effective[i], traces.Get(effective[i])));
        return results;
    }

    private static void ForEach(int count, Action<int> body)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, 1024), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                body(i);
            }
        });
    }

    /// <param name="item">The item as read (a thread's draft: read here, never kept).</param>
    /// <param name="body">Its body.</param>
    /// <param name="keep">The work item the prepared item keeps as its <see cref="PreparedItem.Item"/>, or null to keep
    /// only its identity.</param>
    private PreparedItem Prepare(WorkItemDraft item, ReadOnlySpan<char> body, WorkItem? keep)
    {
        var references = ReferenceExtractor.Extract(item, body, _anatomy.Policy, copyElements: false);
        var exemptReason = Exemptions.Reason(item, _anatomy.Policy);
        var rule = _rules.Resolve(item);
        var prepared = new PreparedItem(item, keep, references.Diagnostics)
        {
            ParentId = references.ParentId,
            LinkedIds = references.LinkedItemIds,
            ExemptReason = exemptReason,
            Rule = rule,
        };

        var own = t_own ??= [];
        own.Clear();
        for (var r = 0; r < references.Elements.Count; r++)
        {
            var reference = references.Elements[r];
            if (_index.TryFind(reference.Id, out var element))
            {
                own.Add(element);
            }
            else if (!IsListed(prepared.Unknown, reference.Id))
            {
                prepared.AddUnknown(reference);
            }
        }

        AddChangedPathComponents(item, own);
        var layer = Layer.Unmapped;
        foreach (var element in own)
        {
            layer = (Layer)Math.Max((int)layer, (int)_index.Elements[element].Layer);
        }

        // The item's own elements are only needed for their closure: sorted in the scratch list, never kept.
        own.Sort();
        var first = own.Count > 0 ? own[0] : -1;
        var single = own.Count > 0 && own[^1] == first;
        if (single)
        {
            prepared.OwnClosure = _index.Closures[first]; // shared: never written to
        }
        else if (own.Count > 1)
        {
            var closure = t_closure ??= [];
            closure.Clear();
            for (var i = 0; i < own.Count; i++)
            {
                if (i == 0 || own[i] != own[i - 1])
                {
                    closure.AddRange(_index.Closures[own[i]]);
                }
            }

            prepared.OwnClosure = SortedDistinct(closure);
        }

        prepared.Layer = layer;

        // Ranking terms are read now, while the body is at hand, for every item that may have a gap.
        if (exemptReason is null
            && (prepared.Unknown is not null || (rule.Require.Count > 0 && !_gaps.MetByOwn(prepared.OwnClosure, rule))))
        {
            prepared.Terms = _gaps.Terms(item, body);
        }

        return prepared;
    }

    /// <summary>Whether an unknown id is already listed (a loop: a lambda here would be an object per reference).</summary>
    private static bool IsListed(List<ElementReference>? unknown, string id)
    {
        if (unknown is null)
        {
            return false;
        }

        foreach (var listed in unknown)
        {
            if (string.Equals(listed.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The elements sorted, each once (most items reference none or one or two).</summary>
    private static int[] SortedDistinct(List<int> elements)
    {
        if (elements.Count == 0)
        {
            return [];
        }

        elements.Sort();
        var distinct = 1;
        for (var i = 1; i < elements.Count; i++)
        {
            distinct += elements[i] != elements[i - 1] ? 1 : 0;
        }

        var result = new int[distinct];
        result[0] = elements[0];
        for (int i = 1, j = 1; i < elements.Count; i++)
        {
            if (elements[i] != elements[i - 1])
            {
                result[j++] = elements[i];
            }
        }

        return result;
    }

    private void AddChangedPathComponents(WorkItemDraft item, List<int> own)
    {
        if (item.ChangedPaths.Count == 0 || _index.ComponentGlobs.Length == 0)
        {
            return;
        }

        foreach (var (component, glob) in _index.ComponentGlobs)
        {
            foreach (var path in item.ChangedPaths)
            {
                if (glob.IsMatch(path))
                {
                    own.Add(component);
                    break;
                }
            }
        }
    }

    private EvaluatedItem Finish(PreparedItem prepared, int[] effective, Trace trace)
    {
        var gaps = prepared.ExemptReason is null
            ? _gaps.Find(prepared, effective, prepared.Rule)
            : [];

        return new EvaluatedItem(prepared, trace, gaps);
    }
}
