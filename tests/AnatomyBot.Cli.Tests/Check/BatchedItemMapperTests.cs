using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class BatchedItemMapperTests
{
    [Fact]
    public void AllWorkersBusy_TheReaderMapsTheNextBatchItself_AndOrderHolds()
    {
        var sink = new RecordingSink(Environment.CurrentManagedThreadId);
        using (var mapper = new BatchedItemMapper(sink))
        {
            for (var i = 0; i < 20 * 512; i++)
            {
                mapper.Add(new byte[1 + (i % 7)]);
                if (Volatile.Read(ref sink.OnReader) > 0)
                {
                    sink.Release.Set();
                }
            }

            sink.Release.Set();
            mapper.Complete();
        }

        Assert.True(sink.OnReader > 0, "the reader never mapped a batch itself");
        Assert.All(sink.Parts, part => Assert.True(part.Disposed));
        Assert.Equal(Enumerable.Range(0, 20 * 512).Select(i => $"{i}:{1 + (i % 7)}"), sink.Parts.SelectMany(p => p.Entries));
        sink.Release.Dispose();
    }

    [Fact]
    public void SinkNotReady_BatchesHeldUpToTheCap_ThenAllStartedInOrder()
    {
        var sink = new ReadinessSink();
        const int held = BatchedItemMapper.MaxHeldBatches;
        using (var mapper = new BatchedItemMapper(sink))
        {
            Add(mapper, 0, held * 512);
            Assert.Empty(sink.Parts);

            Add(mapper, held * 512, (held + 1) * 512);
            Assert.Equal(held + 1, sink.Parts.Count);

            Add(mapper, (held + 1) * 512, (held + 1) * 512 + 9);
            mapper.Complete();
        }

        Assert.Equal(held + 2, sink.Parts.Count);
        Assert.Equal(Enumerable.Range(0, (held + 1) * 512 + 9).Select(Entry), sink.Parts.SelectMany(p => p.Entries));
    }

    [Fact]
    public void SinkBecomesReady_HeldBatchesStartBeforeTheNext_AndOrderHolds()
    {
        var sink = new ReadinessSink();
        using (var mapper = new BatchedItemMapper(sink))
        {
            Add(mapper, 0, 3 * 512);
            Assert.Empty(sink.Parts);

            sink.Ready = true;
            Add(mapper, 3 * 512, 4 * 512);
            Assert.Equal(4, sink.Parts.Count);

            Add(mapper, 4 * 512, 4 * 512 + 100);
            mapper.Complete();
        }

        Assert.Equal(5, sink.Parts.Count);
        Assert.All(sink.Parts, part => Assert.True(part.Disposed));
        Assert.Equal(Enumerable.Range(0, 4 * 512 + 100).Select(Entry), sink.Parts.SelectMany(p => p.Entries));
    }

    [Fact]
    public void SinkNeverReady_FileEnds_CompleteStartsTheHeldBatches()
    {
        var sink = new ReadinessSink();
        using (var mapper = new BatchedItemMapper(sink))
        {
            Add(mapper, 0, 2 * 512);
            Assert.Empty(sink.Parts);
            mapper.Complete();
        }

        Assert.Equal(2, sink.Parts.Count);
        Assert.Equal(Enumerable.Range(0, 2 * 512).Select(Entry), sink.Parts.SelectMany(p => p.Entries));
    }

    private static void Add(BatchedItemMapper mapper, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            mapper.Add(new byte[1 + (i % 7)]);
        }
    }

    private static string Entry(int index) => $"{index}:{1 + (index % 7)}";

    /// <summary>Records each part's entries; parts can be started only once the test has made the sink ready, or once
    /// the mapper holds more than it may.</summary>
    private sealed class ReadinessSink : IBacklogSink
    {
        public bool Ready { get; set; }

        public List<RecordingSink.Part> Parts { get; } = [];

        public InPlaceReading? InPlace => null;

        public IBacklogSinkPart StartPart()
        {
            var part = new RecordingSink.Part(null);
            Parts.Add(part);
            return part;
        }
    }

    /// <summary>Records each part's entries; workers hold their parts until the reader has had to map one itself
    /// (bounded: never hangs).</summary>
    private sealed class RecordingSink(int readerThread) : IBacklogSink
    {
        /// <summary>Entries mapped on the reader's own thread.</summary>
        public int OnReader;

        public int ReaderThread { get; } = readerThread;

        public ManualResetEventSlim Release { get; } = new();

        public List<Part> Parts { get; } = [];

        public InPlaceReading? InPlace => null;

        public IBacklogSinkPart StartPart()
        {
            var part = new Part(this);
            Parts.Add(part);
            return part;
        }

        /// <summary>A part of <paramref name="sink"/> (whose workers wait for the reader), or of a sink whose workers do not wait.</summary>
        internal sealed class Part(RecordingSink? sink) : IBacklogSinkPart
        {
            public List<string> Entries { get; } = [];

            public bool Disposed { get; private set; }

            public void Add(ReadOnlyMemory<byte> utf8, int index)
            {
                if (sink?.ReaderThread == Environment.CurrentManagedThreadId)
                {
                    Interlocked.Increment(ref sink.OnReader);
                }
                else
                {
                    sink?.Release.Wait(TimeSpan.FromSeconds(10));
                }

                Entries.Add($"{index}:{utf8.Length}");
            }

            public void Add(WorkItemDraft draft, ReadOnlySpan<char> body) => Entries.Add($"{draft.Id}:{body.Length}");

            public void Dispose() => Disposed = true;
        }
    }
}
