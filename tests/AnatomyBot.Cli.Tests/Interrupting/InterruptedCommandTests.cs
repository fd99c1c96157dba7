using AnatomyBot.Cli.Tests.Checking;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>Ctrl+C (SIGINT) and SIGTERM on the built CLI while it reads a backlog or an anatomy from a pipe held open
/// (<see cref="HeldPipe"/>): the command stops, says so, writes nothing, and exits 128 + the signal's number.</summary>
public sealed class InterruptedCommandTests
{
    [Theory]
    [InlineData("check", "INT", 130, "interrupted")]
    [InlineData("digest", "INT", 130, "interrupted")]
    [InlineData("lint", "INT", 130, "interrupted")]
    [InlineData("forms", "INT", 130, "interrupted")]
    [InlineData("check", "TERM", 143, "terminated")]
    [InlineData("digest", "TERM", 143, "terminated")]
    [InlineData("lint", "TERM", 143, "terminated")]
    [InlineData("forms", "TERM", 143, "terminated")]
    public async Task Command_SignalWhileReadingAPipeHeldOpen_Exits128PlusTheSignalWithoutOutput(string command, string signal, int exitCode, string ended)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes on the file system and signals are POSIX");
        using var folder = new TempDirectory();
        var readsBacklog = command is "check" or "digest";
        var pipe = Path.Combine(folder.Path, readsBacklog ? "backlog.json" : "anatomy.yml");
        await HeldPipe.CreateAsync(pipe);
        var output = Path.Combine(folder.Path, "out");
        string[] args = command switch
        {
            "check" => ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--format", "json"],
            "digest" => ["digest", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--out", output],
            "lint" => ["lint", pipe, "--format", "json"],
            _ => ["forms", "--anatomy", pipe, "--out", output],
        };
        var partial = readsBacklog ? "[{\"id\":1,\"fields\":{\"System.Title\":"u8.ToArray() : "outcomes:\n  - id: "u8.ToArray();

        var result = await HeldPipe.SignalWhileReadingAsync(args, pipe, partial, signal, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"{command}: {ended}; its output is incomplete\n", result.Stderr);
        Assert.Equal([pipe], Directory.GetFileSystemEntries(folder.Path));
    }
}
