using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Cli.Tests.Reliability;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>The built <c>anatomybot serve</c> shuts down cleanly on Ctrl+C (SIGINT) and on SIGTERM: a service manager's
/// stop is the end of a good run, not an interruption.</summary>
public sealed class ServeSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Serve_Signalled_ShutsDownCleanlyWith0(string signal)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "signals are POSIX");
        using var folder = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["GitHub__WebhookSecret"] = "test-secret-not-real",
            ["GitHub__Token"] = "t",
        };
        await using var serve = await ServeProcess.StartAsync(Path.Combine(folder.Path, "ledger.db"), environment, TestContext.Current.CancellationToken);

        var exitCode = await serve.SignalAsync(signal, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (still running)"}:\n{serve.Output}");
        Assert.DoesNotContain("interrupted", serve.Output, StringComparison.Ordinal);
    }
}
