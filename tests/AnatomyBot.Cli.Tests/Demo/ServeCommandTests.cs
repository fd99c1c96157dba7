using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Demo;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_GitHubConfiguredWithoutWebhookSecret_RefusesToStartWithExitCode2()
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(
            ["serve", "--port", "0", "--store", System.IO.Path.Combine(folder.Path, "ledger.db")],
            new CliRunOptions { Environment = new Dictionary<string, string> { ["GitHub__Token"] = "t" }, Timeout = TimeSpan.FromMinutes(1) });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(result.AllLines, l => l.Contains("GitHub:WebhookSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_NoPlatformConfigured_ExitsTwoNamingBothWebhookSecretsAndCreatesNoLedger()
    {
        using var folder = new TempDirectory();
        var store = System.IO.Path.Combine(folder.Path, "state", "ledger.db");

        var result = await CliRunner.RunAsync(
            ["serve", "--port", "0", "--store", store],
            new CliRunOptions
            {
                WorkingDirectory = folder.Path,
                Environment = new Dictionary<string, string> { ["GitHub__WebhookSecret"] = "", ["AzureDevOps__WebhookSecret"] = " " },
                Timeout = TimeSpan.FromMinutes(1),
            });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no platform is configured", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("GitHub:WebhookSecret", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AzureDevOps:WebhookSecret", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.False(Directory.Exists(System.IO.Path.Combine(folder.Path, "state")), "serve created its ledger folder before refusing to start");
    }

    [Fact]
    public async Task Serve_OnlyAzureDevOpsSecretInTheConfigFile_PassesThePlatformCheck()
    {
        using var folder = new TempDirectory();
        var config = folder.File("serve.json", """{ "AzureDevOps": { "WebhookSecret": "test-secret-not-real" } }""");

        var result = await CliRunner.RunAsync(
            ["serve", "--port", "0", "--store", System.IO.Path.Combine(folder.Path, "ledger.db"), "--config", config],
            new CliRunOptions { WorkingDirectory = folder.Path, Timeout = TimeSpan.FromMinutes(1) });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("no platform is configured", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("AzureDevOps", result.Stderr, StringComparison.Ordinal);
    }
}
