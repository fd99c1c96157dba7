using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Turns a sorted set of element indices into a <see cref="Trace"/>, sharing equal traces across items:
/// a backlog has far fewer distinct traces than items. One evaluation uses it from one thread (a lock-free map: under
/// a concurrent one, threads queued on its locks).</summary>
internal sealed class TraceCache(AnatomyIndex index)
{
    private readonly Dictionary<int[], Trace> _traces = new(IntArrayComparer.Instance);

    public Trace Get(int[] elements)
    {
        if (elements.Length == 0)
        {
            return Trace.Empty;
        }

        if (!_traces.TryGetValue(elements, out var trace))
        {
            trace = Build(elements);
            _traces.Add(elements, trace);
        }

        return trace;
    }

    private Trace Build(int[] elements)
    {
        var lists = new List<string>[] { [], [], [], [], [] };
        foreach (var element in elements)
        {
            var e = index.Elements[element];
            lists[(int)e.Layer].Add(e.Id);
        }

        return new Trace(
            lists[(int)Layer.Outcome],
            lists[(int)Layer.Stage],
            lists[(int)Layer.Logic],
            lists[(int)Layer.Component]);
    }
}
