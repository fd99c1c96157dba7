using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Hosting;

/// <summary>The built <c>anatomybot serve</c> with a setting that cannot work: one plain message naming the setting on
/// standard error and exit 2, with no stack trace (the host's own failure log) on either stream.</summary>
public sealed class ServeStartupFailureTests
{
    [Theory]
    [InlineData("Inbox__Concurrency", "0", "InboxOptions.Concurrency must be between 1 and 64")]
    [InlineData("Sweep__Interval", "soon", "'soon' at 'Sweep:Interval'")]
    [InlineData("Inbox__Concurrency", "many", "'many' at 'Inbox:Concurrency'")]
    public async Task Serve_InvalidSetting_PrintsThePlainMessageAndExits2(string name, string value, string expected)
    {
        var result = await RunServeAsync(new Dictionary<string, string> { [name] = value });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("anatomybot: the configuration is not usable:\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Serve_TwoInvalidSettings_PrintsBothAndExits2()
    {
        var result = await RunServeAsync(new Dictionary<string, string> { ["Inbox__Concurrency"] = "0", ["Storage__DeliveryRetention"] = "0" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("InboxOptions.Concurrency must be between 1 and 64", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("DeliveryRetentionOptions.DeliveryRetention must be between", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    private static async Task<CliResult> RunServeAsync(Dictionary<string, string> settings)
    {
        using var folder = new TempDirectory();
        settings["GitHub__WebhookSecret"] = "test-secret-not-real";
        settings["GitHub__Token"] = "t";
        return await CliRunner.RunAsync(
            ["serve", "--port", "0", "--store", Path.Combine(folder.Path, "ledger.db")],
            new CliRunOptions { WorkingDirectory = folder.Path, Unset = ["GitHub__*", "AzureDevOps__*"], Environment = settings, Timeout = TimeSpan.FromSeconds(90) });
    }

    private static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
