namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>A run of consecutive items of a <see cref="BacklogBatch"/>, filled by one worker: each item is read as it is
/// added (its references, its own links, its ranking terms) with the worker's scratch, which the part holds until it is
/// disposed. Used by one thread at a time.</summary>
public sealed class BacklogPart : IDisposable
{
    private readonly BacklogBatch _batch;
    private ItemScratch? _scratch;
    private bool _disposed;

    internal BacklogPart(BacklogBatch batch) => _batch = batch;

    internal List<PreparedItem> Items { get; } = [];

    internal List<PreparedItem> Unreadable { get; } = [];

    private ItemScratch Scratch
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scratch ??= _batch.Engine.Scratch.Rent();
        }
    }

    /// <summary>Adds an item read into a draft, with its description apart (a reader of many items fills one draft and
    /// one description buffer item after item). The part keeps nothing of either: both may be refilled at once.</summary>
    public void Add(WorkItemDraft item, ReadOnlySpan<char> body)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items.Add(_batch.Engine.Prepare(item, body, Scratch));
    }

    public void Add(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var scratch = Scratch;
        Items.Add(_batch.Engine.Prepare(scratch.Draft.From(item), item.Body, scratch));
    }

    /// <summary>Adds the line of an entry that could not be read as an item: its id and platform as far as they could be
    /// told, and why. It is reported with the batch's items, but takes no part in their evaluation.</summary>
    public void AddUnreadable(string id, ItemSource source, string reason)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Unreadable.Add(PreparedItem.Unreadable(id, source, reason));
    }

    /// <summary>Ends the part: its scratch goes back to the engine for the next part.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_scratch is not null)
        {
            _batch.Engine.Scratch.Return(_scratch);
            _scratch = null;
        }

        _batch.PartDone();
    }
}
