using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Computes every item's effective links: its own references and what they imply upward, the outcomes and
/// stages of its ancestors, and (pull requests) everything of the work items it links to. Walks parent chains without
/// recursion, so a deep chain cannot overflow the stack, and reports a parent cycle or a missing parent on the item.</summary>
internal sealed class ClosureResolver(AnatomyIndex index, PreparedItem[] items)
{
    private readonly Visit[] _visit = new Visit[items.Length];
    private readonly bool[] _inCycle = new bool[items.Length];
    private readonly bool[] _mark = new bool[index.Elements.Length];
    private readonly List<int> _touched = [];
    private readonly List<int> _chain = [];

    /// <summary>Each item's effective links, by item index. Kept here rather than on the items: the items of a large
    /// backlog are old by now, and writing new arrays into them would make every later collection scan them all.</summary>
    private readonly int[]?[] _effective = new int[]?[items.Length];

    /// <summary>Resolves every item; returns the effective links by item index (sorted element indices).</summary>
    public int[][] Resolve()
    {
        LinkItems();

        // Work items first, so that pull requests find the effective links of the items they link to.
        ResolveChains(pullRequests: false);
        ResolveChains(pullRequests: true);

        // Filled in place: a second array of a reference per item would be one more large allocation per backlog.
        for (var i = 0; i < items.Length; i++)
        {
            _effective[i] ??= items[i].OwnClosure;
        }

        return _effective!;
    }

    private void ResolveChains(bool pullRequests)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (_visit[i] == Visit.NotYet && (items[i].Kind == ItemKind.PullRequest) == pullRequests)
            {
                ResolveChain(i);
            }
        }
    }

    private void LinkItems()
    {
        var byId = new ItemIdTable(items);
        for (var i = 0; i < items.Length; i++)
        {
            if (!byId.TryAdd(i))
            {
                items[i].AddDiagnostic($"another item with the id `{items[i].Id}` came first; this one is evaluated on its own");
            }
        }

        foreach (var item in items)
        {
            if (item.ParentId is { } parentId)
            {
                item.Parent = byId.Find(parentId, item.ParentHash);
                if (item.Parent == ItemIdTable.NotFound)
                {
                    item.Parent = PreparedItem.NoParent;
                    item.AddDiagnostic($"parent `{parentId}` is not among the items read; nothing was inherited from it");
                }
            }

            var linkedIds = item.LinkedIds;
            for (var l = 0; l < linkedIds.Count; l++)
            {
                var linkedId = linkedIds[l];
                var linked = byId.Find(linkedId, ItemIdTable.Hash(linkedId));
                if (linked == ItemIdTable.NotFound)
                {
                    // A reader that left it out on purpose (not readable by the bot) has already said so.
                    if (item.Diagnostics?.Exists(d => d.StartsWith($"`{linkedId}` ", StringComparison.Ordinal)) != true)
                    {
                        item.AddDiagnostic($"linked work item `{linkedId}` is not among the items read");
                    }
                }
                else if (items[linked].Kind != ItemKind.PullRequest)
                {
                    item.AddLinked(linked, items[linked].Id);
                }
            }
        }
    }

    private void ResolveChain(int start)
    {
        var chain = _chain;
        chain.Clear();
        var current = start;
        while (true)
        {
            _visit[current] = Visit.OnChain;
            chain.Add(current);
            var parent = items[current].Parent;
            if (parent == PreparedItem.NoParent || _visit[parent] == Visit.Resolved)
            {
                break;
            }

            if (_visit[parent] == Visit.OnChain)
            {
                MarkCycle(chain, chain.IndexOf(parent));
                break;
            }

            current = parent;
        }

        // Top of the chain first: each item's parent is resolved before the item.
        for (var j = chain.Count - 1; j >= 0; j--)
        {
            var at = chain[j];
            _effective[at] = Compute(items[at], _inCycle[at] ? PreparedItem.NoParent : items[at].Parent);
            _visit[at] = Visit.Resolved;
        }
    }

    private void MarkCycle(List<int> chain, int from)
    {
        var path = string.Join(" → ", chain.Skip(from).Append(chain[from]).Select(i => items[i].Id));
        for (var j = from; j < chain.Count; j++)
        {
            _inCycle[chain[j]] = true;
            items[chain[j]].AddDiagnostic($"parent cycle {path}; nothing is inherited along it");
        }
    }

    private int[] Compute(PreparedItem item, int parent)
    {
        // Most items have neither a parent nor linked items: their own closure, read while preparing, is all of it.
        if ((parent == PreparedItem.NoParent || _effective[parent] is null) && item.Linked is null)
        {
            return item.OwnClosure;
        }

        foreach (var element in item.OwnClosure)
        {
            Touch(element);
        }

        if (parent != PreparedItem.NoParent && _effective[parent] is { } inherited)
        {
            foreach (var element in inherited)
            {
                if (index.Elements[element].Layer <= Anatomy.Layer.Stage)
                {
                    Touch(element);
                }
            }
        }

        if (item.Linked is { } linkedItems)
        {
            foreach (var linked in linkedItems)
            {
                foreach (var element in _effective[linked] ?? items[linked].OwnClosure)
                {
                    Touch(element);
                }
            }
        }

        var result = _touched.ToArray();
        Array.Sort(result);
        foreach (var element in _touched)
        {
            _mark[element] = false;
        }

        _touched.Clear();
        return result;
    }

    private void Touch(int element)
    {
        if (!_mark[element])
        {
            _mark[element] = true;
            _touched.Add(element);
        }
    }

    /// <summary>Where the walk of parent chains stands with an item.</summary>
    private enum Visit : byte
    {
        NotYet,

        /// <summary>On the chain being walked: meeting it again closes a cycle.</summary>
        OnChain,

        /// <summary>Its effective links are known.</summary>
        Resolved,
    }
}
