using System.Diagnostics;
using System.Text;
using AnatomyBot.Cli.Tests.Checking;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>Ctrl+C on the built CLI: a backlog read from a named pipe (FIFO) that the test writes part of and holds
/// open, so the command is still reading when SIGINT comes, and would read forever without it.</summary>
public sealed class InterruptedCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("check")]
    [InlineData("digest")]
    public async Task Command_SigintWhileReadingAPipeHeldOpen_Exits130WithoutOutput(string command)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes on the file system and SIGINT are POSIX");
        using var folder = new TempDirectory();
        var pipe = Path.Combine(folder.Path, "backlog.json");
        await RunAsync("mkfifo", pipe);
        var digest = Path.Combine(folder.Path, "digest.md");
        string[] args = command == "check"
            ? ["check", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--format", "json"]
            : ["digest", "--anatomy", CheckCli.Fixture("anatomy.yml"), "--backlog", pipe, "--out", digest];
        using var process = Start([CliRunner.AssemblyPath, .. args]);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Opening the pipe for writing returns once the command has opened it for reading: it is past start-up, reading.
        var opening = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write), TestContext.Current.CancellationToken);
        if (await Task.WhenAny(opening, process.WaitForExitAsync(TestContext.Current.CancellationToken)) != opening)
        {
            Assert.Fail($"{command} ended before reading the pipe (exit {process.ExitCode}): {await stderr}");
        }

        await using var writer = await opening;
        await writer.WriteAsync("[{\"id\":1,\"fields\":{\"System.Title\":"u8.ToArray(), TestContext.Current.CancellationToken);
        await writer.FlushAsync(TestContext.Current.CancellationToken);
        await RunAsync("kill", "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail($"{command} did not stop on SIGINT within {Bound.TotalSeconds} s");
        }

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.Equal($"{command}: interrupted; its output is incomplete\n", await stderr);
        Assert.Equal([pipe], Directory.GetFileSystemEntries(folder.Path));
    }

    /// <summary>Starts the CLI with SIGINT at its default disposition, as a terminal starts it. A process started in the
    /// background by a non-interactive shell (a CI runner's job, <c>cmd &amp;</c>) inherits SIGINT ignored, and an ignored
    /// signal stays ignored across exec, so the CLI would rightly never see it; on Linux, GNU <c>env
    /// --default-signal</c> restores the default first.</summary>
    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : CliRunner.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(CliRunner.DotnetHost());
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var result = await CliRunner.RunProcessAsync(program, args, new CliRunOptions { Timeout = Bound });
        Assert.True(result.ExitCode == 0, $"{program} failed: {result.Stderr}");
    }
}
