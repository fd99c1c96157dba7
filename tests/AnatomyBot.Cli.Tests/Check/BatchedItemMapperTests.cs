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

        internal sealed class Part(RecordingSink sink) : IBacklogSinkPart
        {
            public List<string> Entries { get; } = [];

            public bool Disposed { get; private set; }

            public void Add(ReadOnlyMemory<byte> utf8, int index)
            {
                if (Environment.CurrentManagedThreadId == sink.ReaderThread)
                {
                    Interlocked.Increment(ref sink.OnReader);
                }
                else
                {
                    sink.Release.Wait(TimeSpan.FromSeconds(10));
                }

                Entries.Add($"{index}:{utf8.Length}");
            }

            public void Add(WorkItemDraft draft, ReadOnlySpan<char> body) => Entries.Add($"{draft.Id}:{body.Length}");

            public void Dispose() => Disposed = true;
        }
    }
}
