using System.Collections.Concurrent;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Turns a sorted set of element indices into a <see cref="Trace"/>, sharing equal traces across items:
/// a backlog has far fewer distinct traces than items. Thread-safe, so each worker finds its items' traces: the
/// anatomy's own closures (most items' effective links are one of them, the very same array) are looked up by
/// reference in a table built once per engine (<see cref="ForClosures"/>), and other sets in a concurrent map whose
/// reads take no lock, one per evaluation (a long-lived engine does not accumulate every set it ever saw).</summary>
internal sealed class TraceCache
{
    private readonly AnatomyIndex _index;
    private readonly Dictionary<int[], Trace> _closures;
    private readonly ConcurrentDictionary<int[], Trace> _traces = new(IntArrayComparer.Instance);

    public TraceCache(AnatomyIndex index, Dictionary<int[], Trace> closures)
    {
        _index = index;
        _closures = closures;
    }

    /// <summary>The trace of each of the anatomy's closures, by reference to <see cref="AnatomyIndex.Closures"/>'s arrays.</summary>
    public static Dictionary<int[], Trace> ForClosures(AnatomyIndex index)
    {
        var cache = new TraceCache(index, new Dictionary<int[], Trace>(ReferenceEqualityComparer.Instance));
        var closures = new Dictionary<int[], Trace>(ReferenceEqualityComparer.Instance);
        foreach (var closure in index.Closures)
        {
            closures.TryAdd(closure, cache.Get(closure));
        }

        return closures;
    }

    public Trace Get(int[] elements)
    {
        if (elements.Length == 0)
        {
            return Trace.Empty;
        }

        if (_closures.TryGetValue(elements, out var trace) || _traces.TryGetValue(elements, out trace))
        {
            return trace;
        }

        return _traces.GetOrAdd(elements, Build(elements));
    }

    /// <summary>One exact array per layer (a backlog has thousands of distinct traces: no lists, no spare slots).</summary>
    private Trace Build(int[] elements)
    {
        Span<int> counts = stackalloc int[(int)Layer.Component + 1];
        counts.Clear();
        foreach (var element in elements)
        {
            counts[(int)_index.Elements[element].Layer]++;
        }

        var ids = new string[counts.Length][];
        for (var layer = 0; layer < ids.Length; layer++)
        {
            ids[layer] = counts[layer] == 0 ? [] : new string[counts[layer]];
        }

        counts.Clear();
        foreach (var element in elements)
        {
            var e = _index.Elements[element];
            ids[(int)e.Layer][counts[(int)e.Layer]++] = e.Id;
        }

        return new Trace(ids[(int)Layer.Outcome], ids[(int)Layer.Stage], ids[(int)Layer.Logic], ids[(int)Layer.Component]);
    }
}
