using System.Collections.Concurrent;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Turns a sorted set of element indices into a <see cref="Trace"/>, sharing equal traces across items:
/// a backlog has far fewer distinct traces than items.</summary>
internal sealed class TraceCache(AnatomyIndex index)
{
    private readonly ConcurrentDictionary<int[], Trace> _traces = new(Environment.ProcessorCount * 4, 4096, IntArrayComparer.Instance);

    public Trace Get(int[] elements) =>
        elements.Length == 0 ? Trace.Empty
        : _traces.TryGetValue(elements, out var known) ? known
        : _traces.GetOrAdd(elements, static (key, cache) => cache.Build(key), this);

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
