using AnatomyBot.Cli.Digest;
using AnatomyBot.Cli.Input;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;

namespace AnatomyBot.Cli.Tests.Digest;

/// <summary>The digest file is replaced whole or not at all: a write that fails or is interrupted part-way leaves the
/// previous file byte for byte, and no temporary file beside it.</summary>
public sealed class DigestFileReplaceTests
{
    private static readonly byte[] Previous = "<!-- anatomybot:digest week=2026-W47 -->\n# Last week's digest\n"u8.ToArray();

    [Fact]
    public async Task PublishAsync_WriteFailsPartWay_PreviousDigestKeptByteForByte_NoTemporaryFileLeft()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "digest.md");
        await File.WriteAllBytesAsync(path, Previous, TestContext.Current.CancellationToken);
        var sink = new FileDigestSink(path, null) { OpenWrite = file => new BreakingStream(File.Create(file), 100, () => new IOException("No space left on device")) };

        await Assert.ThrowsAsync<IOException>(() => sink.PublishAsync(Digest(), TestContext.Current.CancellationToken));

        Assert.Equal(Previous, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task PublishAsync_InterruptedPartWay_PreviousDigestKeptByteForByte_NoTemporaryFileLeft()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "digest.md");
        await File.WriteAllBytesAsync(path, Previous, TestContext.Current.CancellationToken);
        using var interrupt = new CancellationTokenSource();
        var sink = new FileDigestSink(path, null)
        {
            OpenWrite = file => new BreakingStream(File.Create(file), 100, () =>
            {
                interrupt.Cancel();
                return new OperationCanceledException(interrupt.Token);
            }),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.PublishAsync(Digest(), interrupt.Token));

        Assert.Equal(Previous, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task PublishAsync_WriteFailsPartWayWithNoPreviousDigest_NoFileLeft()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "digest.md");
        var sink = new FileDigestSink(path, null) { OpenWrite = file => new BreakingStream(File.Create(file), 100, () => new IOException("No space left on device")) };

        await Assert.ThrowsAsync<IOException>(() => sink.PublishAsync(Digest(), TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task PublishAsync_WriteSucceeds_ReplacesTheDigestWhole()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "digest.md");
        await File.WriteAllBytesAsync(path, Previous, TestContext.Current.CancellationToken);

        var publication = await new FileDigestSink(path, null).PublishAsync(Digest(), TestContext.Current.CancellationToken);

        Assert.Equal(DigestPublicationAction.Updated, publication.Action);
        Assert.StartsWith("<!-- anatomybot:digest", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 100);
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    private static WeeklyDigest Digest() =>
        DigestBuilder.BuildStateless(AnatomyParser.Parse(AnatomyFileLoader.EmbeddedSample().Text).Anatomy!, [], week: new IsoWeek(2026, 48));
}
