using System.Text.Json.Nodes;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AnatomyBot.GitHub.Tests.Lifecycle;

/// <summary>An organisation where only <c>acme/shop</c> has an anatomy and neither <c>acme/legacy</c> nor the
/// organisation's <c>.github</c> repository has one: <c>acme/legacy</c> never opted in and hears nothing from the bot.</summary>
public sealed class SilenceWithoutOptInTests : IDisposable
{
    private readonly GitHubHarness _github = new(logging: logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
    private readonly FakeGitHubRepository _legacy;

    public SilenceWithoutOptInTests()
    {
        _github.SetAnatomy(TestAnatomy.Valid);
        _legacy = _github.Api.Repository(GitHubHarness.Owner, "legacy");
    }

    [Fact]
    public async Task HandleAsync_DemoLikeScriptOnARepositoryThatNeverOptedIn_MakesNoWriteAndLogsOneDebugLinePerDelivery()
    {
        foreach (var repository in new[] { GitHubHarness.Repo, "legacy" })
        {
            var target = _github.Api.Repository(GitHubHarness.Owner, repository);
            target.Issues[1] = new FakeIssue { Number = 1, Title = "Faster sign-up", Body = "Outcome: O-FAST" };
            target.Issues[1].Labels.Add("epic");
            target.Issues[2] = new FakeIssue { Number = 2, Title = "Verify passport", Body = "Parent: #1\nStage: S-KYC", Parent = 1 };
            target.Issues[2].Labels.Add("story");
            target.Issues[5] = new FakeIssue { Number = 5, Title = "Add passport check", Body = "Just a refactoring.", IsPullRequest = true, HeadSha = "abc123" };
        }

        var script = Script("legacy").ToList();
        var legacyLines = 0;
        foreach (var delivery in script)
        {
            var before = _github.Services.GetRequiredService<FakeLogCollector>().Count;
            var result = await _github.Handler.HandleAsync(delivery, default);
            Assert.Empty(result.Evaluations);
            var lines = _github.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Skip(before)
                .Where(r => r.Level == LogLevel.Debug && r.Message.Contains("acme/legacy", StringComparison.Ordinal) && r.Message.Contains("opted in", StringComparison.Ordinal))
                .ToList();
            Assert.Single(lines);
            legacyLines += lines.Count;
        }

        foreach (var delivery in Script(GitHubHarness.Repo))
        {
            await _github.Handler.HandleAsync(delivery, default);
        }

        Assert.Equal(script.Count, legacyLines);
        Assert.DoesNotContain(_github.Api.Writes, w => w.Path.StartsWith("/repos/acme/legacy/", StringComparison.Ordinal));
        Assert.Empty(_legacy.CheckRuns);
        Assert.All(_legacy.Issues.Values, i => Assert.Empty(i.Comments));
        Assert.Contains(_github.Api.Writes, w => w.Path.StartsWith("/repos/acme/shop/", StringComparison.Ordinal));
    }

    public void Dispose() => _github.Dispose();

    private static IEnumerable<Delivery> Script(string repository)
    {
        foreach (var action in new[] { "opened", "edited", "labeled", "synchronize", "closed", "reopened" })
        {
            yield return Event(repository, "pull_request", action, new JsonObject { ["number"] = 5, ["pull_request"] = new JsonObject { ["number"] = 5 } });
        }

        foreach (var (number, action) in new[] { (1, "opened"), (2, "opened"), (1, "edited"), (2, "labeled"), (2, "closed"), (2, "reopened") })
        {
            yield return Event(repository, "issues", action, new JsonObject { ["issue"] = new JsonObject { ["number"] = number } });
        }

        yield return Event(repository, "sub_issues", "parent_issue_added", new JsonObject { ["sub_issue"] = new JsonObject { ["number"] = 2 } });
    }

    private static Delivery Event(string repository, string eventName, string action, JsonObject body)
    {
        body["action"] = action;
        body["repository"] = new JsonObject
        {
            ["name"] = repository, ["full_name"] = $"{GitHubHarness.Owner}/{repository}", ["default_branch"] = "main",
            ["owner"] = new JsonObject { ["login"] = GitHubHarness.Owner },
        };
        return GitHubHarness.Delivery(eventName, body);
    }
}
