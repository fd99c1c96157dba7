using System.Diagnostics;
using System.Text;

namespace AnatomyBot.Cli.Tests.Infrastructure;

/// <summary>Runs the BUILT <c>anatomybot</c> (the <c>anatomybot.dll</c> copied next to the test assembly) as a real
/// process: <c>dotnet anatomybot.dll args…</c>, with a timeout, capturing stdout, stderr and the exit code.
/// Reusable by every command's tests. With <c>ANATOMYBOT_TEST_CLI</c> set to an <c>anatomybot</c> executable (the
/// native tool, as <c>tests/native-tool.sh</c> installs it), the same tests run that executable instead.</summary>
public static class CliRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The path of the built CLI assembly.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "anatomybot.dll");

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new CliRunOptions());

    public static Task<CliResult> RunAsync(IEnumerable<string> args, CliRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = StartInfo();
        return RunProcessAsync(start.FileName, [.. start.ArgumentList, .. args], options);
    }

    /// <summary>How to start the CLI under test, before its arguments: <c>dotnet anatomybot.dll</c>, or the executable
    /// named by <c>ANATOMYBOT_TEST_CLI</c>.</summary>
    public static ProcessStartInfo StartInfo()
    {
        if (Environment.GetEnvironmentVariable("ANATOMYBOT_TEST_CLI") is { Length: > 0 } executable)
        {
            return new ProcessStartInfo(executable);
        }

        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException("The built anatomybot.dll is not next to the tests; does the test project reference AnatomyBot.Cli?", AssemblyPath);
        }

        var start = new ProcessStartInfo(DotnetHost());
        start.ArgumentList.Add(AssemblyPath);
        return start;
    }

    /// <summary>How to start the CLI with SIGINT at its default disposition, as a terminal starts it, for tests that send
    /// it signals. A process started in the background by a non-interactive shell (a CI runner's job, <c>cmd &amp;</c>)
    /// inherits SIGINT ignored, and an ignored signal stays ignored across exec, so the CLI would rightly never see it; on
    /// Linux, GNU <c>env --default-signal</c> restores the default first (SIGTERM is never ignored this way).</summary>
    public static ProcessStartInfo SignalableStartInfo()
    {
        var cli = StartInfo();
        if (!OperatingSystem.IsLinux())
        {
            return cli;
        }

        var start = new ProcessStartInfo("env");
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(cli.FileName);
        foreach (var arg in cli.ArgumentList)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs any program the same way (<c>bash</c>, <c>dotnet pack</c>, an installed tool).</summary>
    public static async Task<CliResult> RunProcessAsync(string fileName, IEnumerable<string> args, CliRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in options.Unset)
        {
            foreach (var inherited in start.Environment.Keys.Where(k => name.EndsWith('*') ? k.StartsWith(name[..^1], StringComparison.Ordinal) : k == name).ToList())
            {
                start.Environment.Remove(inherited);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (options.Stdin is not null)
        {
            await process.StandardInput.WriteAsync(options.Stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(options.Timeout ?? DefaultTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new CliResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH when the SDK sets it), else <c>dotnet</c> on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
