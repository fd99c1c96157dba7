using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The built <c>anatomybot serve</c> as a child process on a loopback port the OS chooses (read from its
/// "Now listening on" line). Killed (SIGKILL on Linux) on <see cref="KillAsync"/> and on dispose.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => _process = process;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public bool HasExited => _process.HasExited;

    /// <summary>The process's resident memory now, in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Everything the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(string store, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = CliRunner.SignalableStartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var arg in new[] { "serve", "--port", "0", "--store", store })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var serve = new ServeProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        serve._process.OutputDataReceived += (_, e) => serve.Read(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Read(e.Data);
        serve._process.Exited += (_, _) => serve._listening.TrySetException(new InvalidOperationException("serve exited:\n" + serve.Output));
        serve._process.Start();
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        try
        {
            serve.BaseUrl = await serve._listening.Task.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }

        return serve;
    }

    /// <summary>Sends <c>SIG</c><paramref name="signal"/> (<c>INT</c>, <c>TERM</c>) and returns the exit code once the
    /// process has ended, or null when it is still running after <paramref name="bound"/>.</summary>
    public async Task<int?> SignalAsync(string signal, TimeSpan bound)
    {
        var kill = await CliRunner.RunProcessAsync("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)], new CliRunOptions());
        Assert.True(kill.ExitCode == 0, $"kill failed: {kill.Stderr}");
        try
        {
            await _process.WaitForExitAsync().WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process at once, as a crash or <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
