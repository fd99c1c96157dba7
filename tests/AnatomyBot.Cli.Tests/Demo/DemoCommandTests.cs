using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Demo;

/// <summary>`anatomybot demo`, the README's first command, run as a process on the embedded sample.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_RunsTheWeek_BlocksThePullRequestThenPassesAfterTheFixAndWritesTheDigest()
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(["demo", "--out", folder.Path], new CliRunOptions { Timeout = TimeSpan.FromMinutes(3) });

        Assert.True(result.ExitCode == 0, result.ToString());
        var failing = result.AllLines.ToList().FindIndex(l => l.Contains("check 'anatomy' on #4: failure", StringComparison.Ordinal));
        var passing = result.AllLines.ToList().FindLastIndex(l => l.Contains("check 'anatomy' on #4: success", StringComparison.Ordinal));
        Assert.True(failing >= 0 && passing > failing, result.ToString());
        Assert.Contains(result.AllLines, l => l.Contains("→ 202 duplicate delivery", StringComparison.Ordinal));
        Assert.DoesNotContain(result.AllLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        var digest = Path.Combine(folder.Path, "anatomy-digest-2026-W47.md");
        Assert.True(File.Exists(digest), result.ToString());
        Assert.Contains("# Anatomy digest 2026-W47", await File.ReadAllTextAsync(digest), StringComparison.Ordinal);
    }
}
