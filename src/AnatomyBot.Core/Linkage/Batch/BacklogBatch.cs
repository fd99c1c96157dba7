namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>A whole backlog evaluated at once, for readers of large exports (<c>anatomybot check</c>): items are added
/// as they are read, in parts that several workers fill at the same time, and evaluated together by
/// <see cref="Complete"/>, as <see cref="LinkageEngine.Evaluate"/> evaluates a list of work items. Each item is read as
/// soon as it is added and only what the evaluation needs is kept, so a backlog of 100,000 items never holds 100,000
/// work items or descriptions.</summary>
/// <remarks>A closed item is evaluated like any other, but none of its gaps is more severe than a warning.
/// Parts keep the file's order: start them in order, on one thread (the one that reads the file); each part is
/// then filled by one worker at a time, and the batch's items are those of its parts, part after part.</remarks>
public sealed class BacklogBatch
{
    private readonly List<BacklogPart> _parts = [];
    private int _open;
    private bool _completed;

    public BacklogBatch(LinkageEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    internal LinkageEngine Engine { get; }

    /// <summary>The items added so far (entries that could not be read not counted); exact once every part is disposed.</summary>
    public int Count => _parts.Sum(p => p.Items.Count);

    /// <summary>The next part: its items come after those of every part started before.</summary>
    public BacklogPart StartPart()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var part = new BacklogPart(this);
        _parts.Add(part);
        Interlocked.Increment(ref _open);
        return part;
    }

    /// <summary>Evaluates every item added, once every part is disposed: first the lines of the items that could not be
    /// read, then the items, each in the order it was added. Parents and linked items are looked up among all the
    /// batch's items. The batch cannot be used afterwards.</summary>
    public BacklogItemEvaluation[] Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (Volatile.Read(ref _open) != 0)
        {
            throw new InvalidOperationException("every part must be disposed before the batch is completed");
        }

        _completed = true;
        var unreadable = new List<PreparedItem>();
        var items = new PreparedItem[Count];
        var next = 0;
        foreach (var part in _parts)
        {
            unreadable.AddRange(part.Unreadable);
            part.Items.CopyTo(items, next);
            next += part.Items.Count;
        }

        _parts.Clear();
        var results = new BacklogItemEvaluation[unreadable.Count + items.Length];
        for (var u = 0; u < unreadable.Count; u++)
        {
            results[u] = new BacklogItemEvaluation(unreadable[u], Trace.Empty, []);
        }

        Engine.Judge(items, (i, trace, gaps) =>
            results[unreadable.Count + i] = new BacklogItemEvaluation(items[i], trace, items[i].IsClosed ? NeverBlocking(gaps) : gaps));
        return results;
    }

    /// <summary>A closed item's gaps, none more severe than a warning: it can no longer be changed, so it must not block.</summary>
    private static IReadOnlyList<Gap> NeverBlocking(IReadOnlyList<Gap> gaps)
    {
        for (var g = 0; g < gaps.Count; g++)
        {
            if (gaps[g].Severity == Policy.GapSeverity.Block)
            {
                return [.. gaps.Select(gap => gap.Severity == Policy.GapSeverity.Block ? gap with { Severity = Policy.GapSeverity.Warn } : gap)];
            }
        }

        return gaps;
    }

    internal void PartDone() => Interlocked.Decrement(ref _open);
}
