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
    [InlineData("check", "TERM", 143, "terminated")]
    [InlineData("digest", "TERM", 143, "terminated")]
    public async Task Command_SignalWhileReadingAPipeHeldOpen_Exits128PlusTheSignalWithoutOutput(string command, string signal, int exitCode, string ended)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes on the file system and signals are POSIX");
        using var folder = new TempDirectory();
        var pipe = Path.Combine(folder.Path, "backlog.json");
        await HeldPipe.CreateAsync(pipe);
        var digest = Path.Combine(folder.Path, "digest.md");
        string[] args = command == "check"
            ? ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--format", "json"]
            : ["digest", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--out", digest];

        var result = await HeldPipe.SignalWhileReadingAsync(args, pipe, "[{\"id\":1,\"fields\":{\"System.Title\":"u8.ToArray(), signal, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"{command}: {ended}; its output is incomplete\n", result.Stderr);
        Assert.Equal([pipe], Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("lint", "INT", 130, "interrupted")]
    [InlineData("forms", "INT", 130, "interrupted")]
    [InlineData("lint", "TERM", 143, "terminated")]
    [InlineData("forms", "TERM", 143, "terminated")]
    public async Task Command_SignalWhileReadingTheAnatomyFromAPipeHeldOpen_Exits128PlusTheSignalWithoutOutput(string command, string signal, int exitCode, string ended)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes on the file system and signals are POSIX");
        using var folder = new TempDirectory();
        var pipe = Path.Combine(folder.Path, "anatomy.yml");
        await HeldPipe.CreateAsync(pipe);
        string[] args = command == "lint"
            ? ["lint", pipe, "--format", "json"]
            : ["forms", "--anatomy", pipe, "--out", Path.Combine(folder.Path, "forms")];

        var result = await HeldPipe.SignalWhileReadingAsync(args, pipe, "outcomes:\n  - id: "u8.ToArray(), signal, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"{command}: {ended}; its output is incomplete\n", result.Stderr);
        Assert.Equal([pipe], Directory.GetFileSystemEntries(folder.Path));
    }
}
