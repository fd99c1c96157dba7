using System.Buffers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Maps the items the reader cuts out on the thread pool, a batch at a time, while the reader goes on cutting
/// (the reader is one sequential pass; parsing and mapping each item is the larger share of the work and needs no
/// order). Each batch is one part of <paramref name="sink"/>, started in file order. At most a few batches are in
/// flight, so memory stays flat: when all are busy, the reader maps the batch itself instead of waiting (a waiting
/// reader spins, taking a core from the workers).</summary>
internal sealed class BatchedItemMapper(IBacklogSink sink) : IDisposable
{
    private const int BatchBytes = 1 << 20;
    private const int MaxItemsPerBatch = 512;

    private readonly SemaphoreSlim _slots = new(Math.Max(2, Environment.ProcessorCount * 2));
    private readonly List<Task> _batches = [];
    private readonly List<(int Start, int Length)> _ranges = [];
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(BatchBytes);
    private int _used;
    private int _firstIndex;
    private int _count;

    /// <summary>Copies one item's bytes into the current batch (the reader's window moves on).</summary>
    public void Add(ReadOnlySpan<byte> item)
    {
        if (_used + item.Length > _bytes.Length)
        {
            if (_ranges.Count > 0)
            {
                Dispatch();
            }

            if (item.Length > _bytes.Length)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = ArrayPool<byte>.Shared.Rent(item.Length);
            }
        }

        item.CopyTo(_bytes.AsSpan(_used));
        _ranges.Add((_used, item.Length));
        _used += item.Length;
        _count++;
        if (_ranges.Count == MaxItemsPerBatch)
        {
            Dispatch();
        }
    }

    /// <summary>Maps what is left and waits for every batch (an error of one is thrown here). A file of one batch is
    /// mapped on the reading thread: no worker is worth starting for it.</summary>
    public void Complete()
    {
        if (_ranges.Count > 0)
        {
            Dispatch(onThisThread: _batches.Count == 0);
        }

        foreach (var batch in _batches)
        {
            batch.GetAwaiter().GetResult();
        }

        _batches.Clear();
    }

    /// <summary>Waits for batches still in flight (after a file error) so no work outlives the read.</summary>
    public void Dispose()
    {
        foreach (var batch in _batches)
        {
            ((IAsyncResult)batch).AsyncWaitHandle.WaitOne();
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        _slots.Dispose();
    }

    private void Dispatch(bool onThisThread = false)
    {
        var bytes = _bytes;
        var count = _ranges.Count;
        var ranges = ArrayPool<(int Start, int Length)>.Shared.Rent(count); // a batch's ranges, not an array each
        _ranges.CopyTo(ranges);
        var first = _firstIndex;
        var part = sink.StartPart();
        if (!onThisThread && _slots.Wait(0))
        {
            _batches.Add(Task.Run(() =>
            {
                try
                {
                    MapBatch(part, bytes, ranges.AsSpan(0, count), first);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                    ArrayPool<(int, int)>.Shared.Return(ranges);
                    _slots.Release();
                }
            }));
            _bytes = ArrayPool<byte>.Shared.Rent(BatchBytes);
        }
        else
        {
            try
            {
                MapBatch(part, bytes, ranges.AsSpan(0, count), first);
            }
            finally
            {
                ArrayPool<(int, int)>.Shared.Return(ranges);
            }
        }

        _ranges.Clear();
        _used = 0;
        _firstIndex = _count;
    }

    private static void MapBatch(IBacklogSinkPart part, byte[] bytes, ReadOnlySpan<(int Start, int Length)> ranges, int first)
    {
        using (part)
        {
            for (var i = 0; i < ranges.Length; i++)
            {
                part.Add(bytes.AsMemory(ranges[i].Start, ranges[i].Length), first + i);
            }
        }
    }
}
