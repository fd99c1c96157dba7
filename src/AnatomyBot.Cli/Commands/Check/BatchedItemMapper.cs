using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Maps the items the reader cuts out on the thread pool, a batch at a time, while the reader goes on cutting
/// (the reader is one sequential pass; parsing and mapping each item is the larger share of the work and needs no
/// order). Each batch is one part of <paramref name="sink"/>, started in file order. At most a few batches are in
/// flight, so memory stays flat: when all are busy, the reader maps the batch itself instead of waiting (a waiting
/// reader spins, taking a core from the workers). Azure DevOps work items the sink reads in place
/// (<see cref="IBacklogSink.InPlace"/>) come as drafts instead of bytes, each description and title as its undecoded
/// string token when the reading thread left it so (<see cref="InPlaceText"/>), decoded by the worker that maps the
/// batch. While the sink is not
/// <see cref="IBacklogSink.Ready"/>, up to <see cref="MaxHeldBatches"/> batches are held in order, then started
/// before the next one. A batch whose items are mapped comes back for the reader to fill again, with its drafts (a
/// part takes a draft's values, not the draft), so the reader makes no draft and no entry list per item.</summary>
internal sealed class BatchedItemMapper(IBacklogSink sink) : IDisposable
{
    /// <summary>Batches held while the sink is not ready (4,096 items at most): the reader's first stretch while
    /// <c>check</c>'s engine is built. Holding 32 cost <c>check</c> 44 MB more peak memory and about 0.1 s more CPU
    /// than 8 on 100,000 items (likely the buffers beyond what the shared array pool keeps).</summary>
    internal const int MaxHeldBatches = 8;

    private const int BatchBytes = 1 << 20;
    private const int MaxItemsPerBatch = 512;

    private readonly SemaphoreSlim _slots = new(Math.Max(2, Environment.ProcessorCount * 2));
    private readonly List<Task> _batches = [];
    private readonly Queue<(Batch Batch, int First)> _held = new();
    private readonly ConcurrentQueue<Batch> _mapped = new();
    private readonly InPlaceReading? _inPlace = sink.InPlace;
    private Batch _batch = new();
    private int _count;

    /// <summary>Reads the entry <paramref name="reader"/> is at in the reader's own pass when the sink reads items in
    /// place (<see cref="IBacklogSink.InPlace"/>): true with the reader on the entry's end and the item in the batch;
    /// false with the reader where it was, for the caller to cut the entry out and <see cref="Add(ReadOnlySpan{byte})"/> it.</summary>
    public bool TryAdd(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (_inPlace is null || !_inPlace.TryRead(ref reader, window, _batch.SpareDraft(), out var draft, out var text))
        {
            return false;
        }

        if (!_batch.HasRoom(text.BodyToken.Length + text.TitleToken.Length, text.Body.Length))
        {
            Dispatch();
        }

        _batch.Add(draft!, text);
        Added();
        return true;
    }

    /// <summary>Copies one item's bytes into the current batch (the reader's window moves on).</summary>
    public void Add(ReadOnlySpan<byte> item)
    {
        _inPlace?.Declined();
        if (!_batch.HasRoom(item.Length, 0))
        {
            Dispatch();
        }

        _batch.Add(item);
        Added();
    }

    /// <summary>Maps what is left and waits for every batch (an error of one is thrown here). A file of one batch is
    /// mapped on the reading thread: no worker is worth starting for it.</summary>
    public void Complete()
    {
        if (_batch.Count > 0)
        {
            Dispatch(onThisThread: _batches.Count == 0 && _held.Count == 0, last: true);
        }
        else
        {
            StartHeld();
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

        _batch.Return();
        while (_held.TryDequeue(out var held))
        {
            held.Batch.Return();
        }

        _slots.Dispose();
    }

    private void Added()
    {
        _count++;
        if (_batch.Count == MaxItemsPerBatch)
        {
            Dispatch();
        }
    }

    private void Dispatch(bool onThisThread = false, bool last = false)
    {
        _held.Enqueue((_batch, _count - _batch.Count));
        _batch = _mapped.TryDequeue(out var mapped) ? mapped : new Batch();
        if (last || _held.Count > MaxHeldBatches || sink.Ready)
        {
            StartHeld(lastOnThisThread: onThisThread);
        }
    }

    /// <summary>Starts the held batches in order, each on a worker when one is free, else on this thread.</summary>
    private void StartHeld(bool lastOnThisThread = false)
    {
        while (_held.TryDequeue(out var held))
        {
            Start(held.Batch, held.First, lastOnThisThread && _held.Count == 0);
        }
    }

    private void Start(Batch batch, int first, bool onThisThread)
    {
        IBacklogSinkPart part;
        try
        {
            part = sink.StartPart();
        }
        catch
        {
            batch.Return();
            throw;
        }

        if (!onThisThread && _slots.Wait(0))
        {
            _batches.Add(Task.Run(() =>
            {
                try
                {
                    batch.MapInto(part, first);
                }
                finally
                {
                    batch.Return();
                    _mapped.Enqueue(batch);
                    _slots.Release();
                }
            }));
        }
        else
        {
            try
            {
                batch.MapInto(part, first);
            }
            finally
            {
                batch.Return();
                _mapped.Enqueue(batch);
            }
        }
    }

    /// <summary>What a batch holds for an entry.</summary>
    private enum Held
    {
        /// <summary>The entry's bytes, read on a worker.</summary>
        Bytes,

        /// <summary>A draft and its description's text.</summary>
        Text,

        /// <summary>A draft and its description's string token, decoded on the worker (as is the title's, when held).</summary>
        Token,

        /// <summary>As <see cref="Token"/>, with escapes.</summary>
        EscapedToken,
    }

    /// <summary>An item's bytes (no draft) in the batch's bytes, or a draft with its description (text in the batch's
    /// characters, or a token in its bytes) and, when its title was left undecoded, the title's token (in its bytes).</summary>
    private readonly record struct Entry(WorkItemDraft? Draft, Held Held, int Start, int Length, int TitleStart, int TitleLength, bool TitleIsEscaped);

    /// <summary>Consecutive entries, each an item's bytes or a draft with its description, in pooled buffers; once
    /// returned, empty again, with the drafts it held as spares.</summary>
    private sealed class Batch
    {
        private readonly List<Entry> _entries = [];
        private readonly Stack<WorkItemDraft> _spareDrafts = new();
        private byte[]? _bytes;
        private char[]? _chars;
        private char[]? _decoded;
        private int _usedBytes;
        private int _usedChars;

        public int Count => _entries.Count;

        /// <summary>A draft of an item already mapped, for the reader to fill next; null when there is none.</summary>
        public WorkItemDraft? SpareDraft() => _spareDrafts.TryPop(out var draft) ? draft : null;

        /// <summary>Whether the batch takes this many more bytes and characters (an empty batch takes any size).</summary>
        public bool HasRoom(int bytes, int chars) =>
            _entries.Count == 0 || (_usedBytes + bytes <= BatchBytes && _usedChars + chars <= BatchBytes);

        public void Add(ReadOnlySpan<byte> item) => _entries.Add(new Entry(null, Held.Bytes, AppendBytes(item), item.Length, 0, 0, false));

        public void Add(WorkItemDraft draft, InPlaceText text)
        {
            var titleStart = text.TitleToken.IsEmpty ? 0 : AppendBytes(text.TitleToken);
            _entries.Add(text.BodyToken.IsEmpty
                ? new Entry(draft, Held.Text, AppendChars(text.Body), text.Body.Length, titleStart, text.TitleToken.Length, text.TitleIsEscaped)
                : new Entry(draft, text.BodyIsEscaped ? Held.EscapedToken : Held.Token, AppendBytes(text.BodyToken), text.BodyToken.Length,
                    titleStart, text.TitleToken.Length, text.TitleIsEscaped));
        }

        public void MapInto(IBacklogSinkPart part, int first)
        {
            using (part)
            {
                for (var i = 0; i < _entries.Count; i++)
                {
                    var entry = _entries[i];
                    if (entry.Draft is not { } draft)
                    {
                        part.Add(_bytes.AsMemory(entry.Start, entry.Length), first + i);
                        continue;
                    }

                    if (entry.TitleLength > 0)
                    {
                        draft.Title = JsonStringToken.ToText(_bytes.AsSpan(entry.TitleStart, entry.TitleLength), entry.TitleIsEscaped);
                    }

                    if (entry.Held == Held.Text)
                    {
                        part.Add(draft, _chars.AsSpan(entry.Start, entry.Length));
                        continue;
                    }

                    var room = Decoding(entry.Length);
                    var written = JsonStringToken.Decode(_bytes.AsSpan(entry.Start, entry.Length), entry.Held == Held.EscapedToken, room);
                    part.Add(draft, room[..written]);
                }
            }
        }

        /// <summary>Gives the buffers back to the pool and empties the batch, its drafts kept as spares.</summary>
        public void Return()
        {
            foreach (var entry in _entries)
            {
                if (entry.Draft is { } draft)
                {
                    _spareDrafts.Push(draft);
                }
            }

            _entries.Clear();
            (_usedBytes, _usedChars) = (0, 0);
            if (_bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
            }

            if (_chars is not null)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }

            if (_decoded is not null)
            {
                ArrayPool<char>.Shared.Return(_decoded);
            }

            (_bytes, _chars, _decoded) = (null, null, null);
        }

        private int AppendBytes(ReadOnlySpan<byte> bytes)
        {
            Reserve(ref _bytes, _usedBytes + bytes.Length);
            bytes.CopyTo(_bytes.AsSpan(_usedBytes));
            _usedBytes += bytes.Length;
            return _usedBytes - bytes.Length;
        }

        private int AppendChars(ReadOnlySpan<char> chars)
        {
            Reserve(ref _chars, _usedChars + chars.Length);
            chars.CopyTo(_chars.AsSpan(_usedChars));
            _usedChars += chars.Length;
            return _usedChars - chars.Length;
        }

        /// <summary>Room to decode a token of <paramref name="bytes"/> bytes into (one character per byte at most).</summary>
        private Span<char> Decoding(int bytes)
        {
            if (_decoded is null || _decoded.Length < bytes)
            {
                if (_decoded is not null)
                {
                    ArrayPool<char>.Shared.Return(_decoded);
                }

                _decoded = ArrayPool<char>.Shared.Rent(Math.Max(bytes, 4096));
            }

            return _decoded;
        }

        /// <summary>A pooled buffer of at least <paramref name="size"/>, the batch size at first, its content kept.</summary>
        private static void Reserve<T>([System.Diagnostics.CodeAnalysis.NotNull] ref T[]? buffer, int size)
        {
            if (buffer is not null && buffer.Length >= size)
            {
                return;
            }

            var larger = ArrayPool<T>.Shared.Rent(Math.Max(size, BatchBytes));
            if (buffer is not null)
            {
                buffer.CopyTo(larger, 0);
                ArrayPool<T>.Shared.Return(buffer);
            }

            buffer = larger;
        }
    }
}
