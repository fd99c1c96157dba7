using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>The engine built while the reading begins: whichever side fails, the problem reported is the one a build
/// done first would have given, and a failed build stops the reader.</summary>
public sealed class PendingBatchTests
{
    private static readonly EnterpriseAnatomy Anatomy =
        AnatomyParser.Parse(File.ReadAllText(CheckCli.Fixture("anatomy.yml"))).Anatomy!;

    [Fact]
    public void Read_ReadingAndBuildBothFail_TheBuildsErrorComesOut()
    {
        using var readingFailed = new ManualResetEventSlim();
        var pending = PendingBatch.Start(() =>
        {
            readingFailed.Wait();
            throw new InvalidOperationException("the build failed");
        });

        var error = Assert.Throws<InvalidOperationException>(() => pending.Read(() =>
        {
            readingFailed.Set();
            throw new BacklogFileException("backlog.json:1:1: invalid JSON");
        }));

        Assert.Equal("the build failed", error.Message);
    }

    [Fact]
    public void Read_ReadingFails_BuildSucceeds_TheReadingsErrorComesOut()
    {
        using var readingFailed = new ManualResetEventSlim();
        var pending = PendingBatch.Start(() =>
        {
            readingFailed.Wait();
            return new BacklogBatch(new LinkageEngine(Anatomy));
        });

        var error = Assert.Throws<BacklogFileException>(() => pending.Read(() =>
        {
            readingFailed.Set();
            throw new BacklogFileException("backlog.json:1:1: invalid JSON");
        }));

        Assert.Equal("backlog.json:1:1: invalid JSON", error.Message);
        Assert.True(pending.IsReady);
    }

    [Fact]
    public void Read_BuildFailsWhileTheFileIsRead_ReaderStopsEarly_TheBuildsErrorComesOut()
    {
        using var readingBegan = new ManualResetEventSlim();
        var pending = PendingBatch.Start(() =>
        {
            readingBegan.Wait();
            throw new InvalidOperationException("the build failed");
        });
        const int items = 120 * 512;
        using var file = new SignallingStream(StoryBacklog.Json(items), readingBegan);

        var error = Assert.Throws<InvalidOperationException>(() => pending.Read(() =>
            BacklogReader.Read("backlog.json", file, new CheckSink(pending, "backlog.json", new AzureDevOpsReaders([])))));

        Assert.Equal("the build failed", error.Message);
        Assert.True(file.Position < file.Length / 2, $"the reader read {file.Position} of {file.Length} bytes after the build failed");
    }

    [Fact]
    public void Read_BuildStillRunningWhileTheFileIsRead_EveryItemInFileOrder()
    {
        using var readingBegan = new ManualResetEventSlim();
        var pending = PendingBatch.Start(() =>
        {
            readingBegan.Wait();
            return new BacklogBatch(new LinkageEngine(Anatomy));
        });
        const int items = 40 * 512;
        using var file = new SignallingStream(StoryBacklog.Json(items), readingBegan);

        pending.Read(() => BacklogReader.Read("backlog.json", file, new CheckSink(pending, "backlog.json", new AzureDevOpsReaders([]))));
        var evaluated = pending.Batch.Complete();

        Assert.Equal(Enumerable.Range(1, items).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), evaluated.Select(e => e.Id));
    }

    [Fact]
    public void Batch_BuildFailed_ThrowsTheBuildsError()
    {
        var pending = PendingBatch.Start(() => throw new InvalidOperationException("the build failed"));

        var error = Assert.Throws<InvalidOperationException>(() => pending.Batch);

        Assert.Equal("the build failed", error.Message);
        Assert.True(pending.IsReady);
    }

    /// <summary>A file in memory that signals once its first bytes are read.</summary>
    private sealed class SignallingStream(byte[] bytes, ManualResetEventSlim firstRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            firstRead.Set();
            return read;
        }
    }
}
