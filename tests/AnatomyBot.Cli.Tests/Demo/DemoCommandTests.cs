using System.Text.RegularExpressions;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Demo;

/// <summary>`anatomybot demo`, the README's first command, run as a process on the embedded sample.</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_RunsTheWeek_BlocksThePullRequestThenPassesAfterTheFixAndWritesTheDigest()
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(["demo", "--out", folder.Path], new CliRunOptions { Timeout = TimeSpan.FromMinutes(3) });

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoErrorLogged(result);
        var failing = result.AllLines.ToList().FindIndex(l => l.Contains("check 'anatomy' on #4: failure", StringComparison.Ordinal));
        var passing = result.AllLines.ToList().FindLastIndex(l => l.Contains("check 'anatomy' on #4: success", StringComparison.Ordinal));
        Assert.True(failing >= 0 && passing > failing, result.ToString());
        Assert.Equal(2, result.AllLines.Count(l => l.Contains("→ 202 duplicate delivery", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.AllLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        var digest = Path.Combine(folder.Path, "anatomy-digest-2026-W47.md");
        Assert.True(File.Exists(digest), result.ToString());
        Assert.Contains("# Anatomy digest 2026-W47", await File.ReadAllTextAsync(digest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_AzureDevOps_TagsTheStoryFailsThePullRequestStatusWaivesThenClearsBothAfterTheLink()
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(["demo", "--out", folder.Path], new CliRunOptions { Timeout = TimeSpan.FromMinutes(3) });

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoErrorLogged(result);
        var lines = result.AllLines.ToList();
        Assert.Contains(lines, l => l.Contains("Azure DevOps  http://127.0.0.1:", StringComparison.Ordinal) && l.Contains("/contoso/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("webhook workitem.created", StringComparison.Ordinal) && l.EndsWith("→ 202 accepted", StringComparison.Ordinal));
        var tagged = lines.FindIndex(l => l.Contains("product owner sees on work item 102: anatomy:no-component", StringComparison.Ordinal));
        var failed = lines.FindIndex(l => l.Contains("status 'anatomybot/linkage' on PR 7: failed", StringComparison.Ordinal));
        var waived = lines.FindIndex(l => l.Contains("status 'anatomybot/linkage' on PR 7: succeeded — 1 gap waived", StringComparison.Ordinal));
        var succeeded = lines.FindIndex(l => l.Contains("status 'anatomybot/linkage' on PR 7: succeeded — All links in place", StringComparison.Ordinal));
        var untagged = lines.FindIndex(l => l.Contains("product owner sees on work item 102: no gap tags", StringComparison.Ordinal));
        Assert.True(tagged >= 0 && failed > tagged && waived > failed && succeeded > waived && untagged > succeeded, result.ToString());
        Assert.Contains(lines, l => l.Contains("the bot's thread on PR 7 (1 thread, active", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(succeeded), l => l.Contains("the bot's thread on PR 7 (1 thread, ", StringComparison.Ordinal) && !l.Contains(", active,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("webhook git.pullrequest.created", StringComparison.Ordinal) && l.EndsWith("→ 202 duplicate delivery", StringComparison.Ordinal));
        Assert.Contains(lines.Take(failed), l => l.Contains("the bot's comment on work item 102 (1 comment, edited in place):", StringComparison.Ordinal));
        var fixedComment = lines.FindIndex(untagged, l => l.Contains("the bot's comment on work item 102 (1 comment, edited in place):", StringComparison.Ordinal));
        Assert.True(fixedComment > untagged, result.ToString());
        Assert.Contains(lines.Skip(fixedComment).Take(4), l => l.EndsWith("│ ### ✅ Anatomy: all links in place", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("API writes made by the bot this week:", StringComparison.Ordinal) && l.Contains("15 on Azure DevOps", StringComparison.Ordinal));
        var digest = await File.ReadAllTextAsync(Path.Combine(folder.Path, "anatomy-digest-2026-W47.md"));
        Assert.Contains("Account created<br/>3 items", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_CommentCommands_OneWaiverAndOneLinkOnEachPlatformAndAWorkItemRecheck_AnsweredAndApplied()
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(["demo", "--out", folder.Path], new CliRunOptions { Timeout = TimeSpan.FromMinutes(3) });

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.AllLines.ToList();
        Assert.Contains("      │ ✅ Waived `no-component` on `contoso/onboarding#4` until 2026-12-18, approved by @alex-architect: the reminder component's spec is reviewed on Wednesday; the release must not wait", lines);
        Assert.Contains("      │ ✅ Waived `no-component` on `Onboarding/onboarding-services!7` until 2026-12-18, approved by @alex.architect@contoso.example: the KYC component's spec is reviewed on Wednesday", lines);
        Assert.Contains("      │ 🔗 Added the label `component:C-DOCUMENT-CHASER` to `contoso/onboarding#3` and re-checked: all links in place.", lines);
        Assert.Contains("      │ 🔗 Added the tag `component:C-IDENTITY-VERIFICATION` to `102` and re-checked: all links in place.", lines);
        var asked = lines.FindIndex(l => l.Contains("webhook workitem.commented", StringComparison.Ordinal) && l.EndsWith("→ 202 accepted", StringComparison.Ordinal));
        Assert.True(asked > 0, result.ToString());
        Assert.Equal(
            ["    the bot answers in the discussion of work item 102:", "      │ 🔄 Re-checked this story: all links in place."],
            lines.Skip(asked).SkipWhile(l => !l.Contains("the bot answers in the discussion", StringComparison.Ordinal)).Take(2));
        var waived = lines.FindIndex(l => l.Contains("check 'anatomy' on #4: success — 1 gap waived", StringComparison.Ordinal));
        var statusWaived = lines.FindIndex(l => l.Contains("status 'anatomybot/linkage' on PR 7: succeeded — 1 gap waived", StringComparison.Ordinal));
        var linked = lines.FindIndex(l => l.Contains("status 'anatomybot/linkage' on PR 7: succeeded — All links in place", StringComparison.Ordinal));
        Assert.True(waived > 0 && statusWaived > waived && linked > statusWaived, result.ToString());

        var audit = await CliRunner.RunAsync(["audit", "--store", Path.Combine(folder.Path, "ledger.db"), "--format", "json"]);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Equal(2, Regex.Count(audit.Stdout, "\"action\":\\s*\"waive\""));
        Assert.Equal(2, Regex.Count(audit.Stdout, "\"action\":\\s*\"link\""));
        Assert.Equal(1, Regex.Count(audit.Stdout, "\"action\":\\s*\"recheck\""));
    }

    /// <summary>The demo's hosts log to the console at Warning and above (single-line format after a timestamp, "fail:" for
    /// Error and "crit:" for Critical): an error logged anywhere during the scripted week fails the test, whatever the demo
    /// printed.</summary>
    private static void AssertNoErrorLogged(CliResult result) =>
        Assert.DoesNotContain(result.AllLines, l => LoggedError().IsMatch(l));

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d )?(fail|crit): ")]
    private static partial Regex LoggedError();
}
