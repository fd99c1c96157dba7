using System.Net;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Lifecycle;

/// <summary>The merge gate for a token: the commit status <c>anatomy</c> instead of a check run, configured
/// (<c>GitHub:MergeGate</c> <c>status</c>) or learnt from a refused check run.</summary>
public sealed class CommitStatusGateTests
{
    [Fact]
    public async Task HandleAsync_MergeGateStatus_OneFailureThenOneSuccessAfterTheFixAndNoCheckRunCall()
    {
        using var github = new GitHubHarness(s => s["GitHub:MergeGate"] = "status");
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "Just a refactoring.");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        var failure = Assert.Single(github.Repository.Statuses);
        Assert.Equal(("abc123", "anatomy", "failure"), (failure.Sha, failure.Context, failure.State));
        Assert.InRange(failure.Description!.Length, 1, 139);
        Assert.EndsWith($"/5#issuecomment-{Assert.Single(github.Issue(5).Comments).Id}", failure.TargetUrl, StringComparison.Ordinal);

        github.AddIssue(1, "Outcome: O-FAST\nStage: S-KYC\nComponent: C-KYC", "story");
        github.Issue(5).Body = "Closes #1\n\nComponent: C-KYC";
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        Assert.Equal(["failure", "success"], github.Repository.Statuses.Select(s => s.State));
        Assert.Equal(2, github.Api.Writes.Count(w => w.Path.StartsWith("/repos/acme/shop/statuses/", StringComparison.Ordinal)));
        Assert.DoesNotContain(github.Api.Requests, r => r.Path.Contains("check-runs", StringComparison.Ordinal));
        Assert.Empty(github.Repository.CheckRuns);
    }

    [Fact]
    public async Task HandleAsync_CheckRunRefused_CommitStatusInsteadAndNoCheckRunCallAfterwards()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "Just a refactoring.");
        github.Api.Fail(HttpMethod.Post, "/check-runs$", HttpStatusCode.Forbidden);

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        github.Api.ClearRequests();
        github.Issue(5).Body = "Still no link, reworded.";
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        var status = Assert.Single(github.Repository.Statuses);
        Assert.Equal(("anatomy", "failure"), (status.Context, status.State));
        Assert.DoesNotContain(github.Api.Requests, r => r.Path.Contains("check-runs", StringComparison.Ordinal));
    }
}
