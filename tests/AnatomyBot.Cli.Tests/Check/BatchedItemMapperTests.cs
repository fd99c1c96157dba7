using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class BatchedItemMapperTests
{
    [Fact]
    public void AllWorkersBusy_TheReaderMapsTheNextBatchItself_AndOrderHolds()
    {
        var reader = Environment.CurrentManagedThreadId;
        using var release = new ManualResetEventSlim();
        var onReader = 0;
        var entries = new List<BacklogEntry>();
        using (var mapper = new BatchedItemMapper((utf8, index) =>
        {
            if (Environment.CurrentManagedThreadId == reader)
            {
                Interlocked.Increment(ref onReader);
            }
            else
            {
                // Workers hold their batches until the reader has had to map one itself (bounded: never hangs).
                release.Wait(TimeSpan.FromSeconds(10));
            }

            return new BacklogEntry(null, $"{index}:{utf8.Length}", ItemSource.AzureDevOps, null);
        }))
        {
            for (var i = 0; i < 20 * 512; i++)
            {
                mapper.Add(new byte[1 + (i % 7)]);
                if (Volatile.Read(ref onReader) > 0)
                {
                    release.Set();
                }
            }

            release.Set();
            mapper.CompleteInto(entries);
        }

        Assert.True(onReader > 0, "the reader never mapped a batch itself");
        Assert.Equal(Enumerable.Range(0, 20 * 512).Select(i => $"{i}:{1 + (i % 7)}"), entries.Select(e => e.Id));
    }
}
