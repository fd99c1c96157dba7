using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Places every item on the anatomy: resolves its own references, adds what its ancestors, linked work items
/// and the anatomy imply (the closure), finds its layer and the links its policy requires but it lacks, and ranks
/// suggestions for each gap. Indexes the anatomy once; thread-safe; never throws for bad item data.</summary>
public sealed class LinkageEngine : ILinkageEngine
{
    private const int ParallelThreshold = 2048;

    private readonly EnterpriseAnatomy _anatomy;
    private readonly AnatomyIndex _index;
    private readonly PolicyResolver _rules;
    private readonly GapEvaluator _gaps;
    private readonly TraceCache _traces;

    public LinkageEngine(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        _anatomy = anatomy;
        _index = new AnatomyIndex(anatomy);
        _rules = new PolicyResolver(anatomy.Policy);
        _gaps = new GapEvaluator(_index, new GapText(anatomy.Policy));
        _traces = new TraceCache(_index);
    }

    public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var prepared = new PreparedItem[items.Count];
        ForEach(items.Count, i => prepared[i] = Prepare(items[i]));
        new ClosureResolver(_index, prepared).Resolve();

        var results = new ItemEvaluation[items.Count];
        ForEach(items.Count, i => results[i] = Finish(prepared[i]));
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

    private PreparedItem Prepare(WorkItem item)
    {
        var prepared = new PreparedItem(item);
        var references = ReferenceExtractor.Extract(item, _anatomy.Policy);
        prepared.ParentId = references.ParentId;
        prepared.LinkedIds = references.LinkedItemIds;
        prepared.Diagnostics.AddRange(references.Diagnostics);

        var own = new List<int>(references.Elements.Count + 2);
        foreach (var reference in references.Elements)
        {
            if (_index.TryFind(reference.Id, out var element))
            {
                own.Add(element);
            }
            else if (prepared.Unknown?.Exists(u => string.Equals(u.Id, reference.Id, StringComparison.OrdinalIgnoreCase)) != true)
            {
                (prepared.Unknown ??= []).Add(reference);
            }
        }

        AddChangedPathComponents(item, own);
        own.Sort();
        prepared.Own = [.. own.Distinct()];
        var layer = Layer.Unmapped;
        foreach (var element in prepared.Own)
        {
            layer = (Layer)Math.Max((int)layer, (int)_index.Elements[element].Layer);
        }

        prepared.Layer = layer;
        return prepared;
    }

    private void AddChangedPathComponents(WorkItem item, List<int> own)
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

    private ItemEvaluation Finish(PreparedItem prepared)
    {
        var item = prepared.Item;
        var exemptReason = Exemptions.Reason(item, _anatomy.Policy);
        var effective = prepared.Effective ?? prepared.Own;
        var gaps = exemptReason is null
            ? _gaps.Find(prepared, effective, _rules.Resolve(item))
            : [];
        return new ItemEvaluation
        {
            Item = item,
            Layer = prepared.Layer,
            Trace = _traces.Get(effective),
            Gaps = gaps,
            LinkedItems = prepared.LinkedFound,
            ExemptReason = exemptReason,
            Diagnostics = prepared.Diagnostics,
        };
    }
}
