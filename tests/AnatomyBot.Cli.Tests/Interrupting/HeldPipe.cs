using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>The built CLI reading a named pipe (FIFO) that the test writes part of and holds open, so the command is
/// still reading when a signal comes, and would read forever without it.</summary>
internal static class HeldPipe
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Makes the named pipe <paramref name="path"/>.</summary>
    public static Task CreateAsync(string path) => RunAsync("mkfifo", path);

    /// <summary>Starts the CLI with <paramref name="args"/> (one of which reads <paramref name="pipe"/>), writes
    /// <paramref name="partial"/> into the pipe once the CLI has opened it, sends <c>SIG</c><paramref name="signal"/>
    /// while holding the pipe open, and returns how the CLI ended.</summary>
    public static async Task<CliResult> SignalWhileReadingAsync(string[] args, string pipe, byte[] partial, string signal, CancellationToken cancellationToken)
    {
        var start = CliRunner.SignalableStartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        // Opening the pipe for writing returns once the command has opened it for reading: it is past start-up, reading.
        var opening = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write), cancellationToken);
        if (await Task.WhenAny(opening, process.WaitForExitAsync(cancellationToken)) != opening)
        {
            Assert.Fail($"{args[0]} ended before reading the pipe (exit {process.ExitCode}): {await stderr}");
        }

        await using var writer = await opening;
        await writer.WriteAsync(partial, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        await RunAsync("kill", $"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture));

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail($"{args[0]} did not stop on SIG{signal} within {Bound.TotalSeconds} s");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr, TimedOut: false);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var result = await CliRunner.RunProcessAsync(program, args, new CliRunOptions { Timeout = Bound });
        Assert.True(result.ExitCode == 0, $"{program} failed: {result.Stderr}");
    }
}
