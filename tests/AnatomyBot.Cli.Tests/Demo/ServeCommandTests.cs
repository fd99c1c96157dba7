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
}
