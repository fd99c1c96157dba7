using AnatomyBot.Cli.Commands;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>An interrupted <c>demo</c> removes the temporary folder it made for itself, never a folder it was given.</summary>
public sealed class InterruptedDemoTests
{
    [Fact]
    public async Task RunAsync_InterruptedInItsOwnTemporaryFolder_FolderRemoved()
    {
        using var temporary = new TempDirectory();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoCommand.RunAsync(null, temporary.Path, TextWriter.Null, new CancellationToken(canceled: true)));

        Assert.Empty(Directory.GetFileSystemEntries(temporary.Path));
    }

    [Fact]
    public async Task RunAsync_InterruptedInAFolderItWasGiven_FolderKept()
    {
        using var given = new TempDirectory();
        var folder = Path.Combine(given.Path, "demo");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoCommand.RunAsync(folder, given.Path, TextWriter.Null, new CancellationToken(canceled: true)));

        Assert.True(Directory.Exists(folder));
    }
}
