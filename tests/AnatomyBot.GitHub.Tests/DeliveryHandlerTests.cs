using System.Net;
using System.Text.Json.Nodes;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Tests.Harness;
using Polly.CircuitBreaker;

namespace AnatomyBot.GitHub.Tests;

public sealed class DeliveryHandlerTests : IDisposable
{
    private readonly GitHubHarness _github = new();

    public DeliveryHandlerTests() => _github.SetAnatomy(TestAnatomy.Valid);

    private FakeGitHub Api => _github.Api;

    [Fact]
    public async Task HandleAsync_PullRequestWithoutLinks_AddsLabelsOneCommentAndFailingCheck()
    {
        _github.AddPullRequest(5, "Just a refactoring.");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        var evaluation = Assert.Single(result.Evaluations);
        Assert.Equal("acme/shop#5", evaluation.Item.Id);
        var desired = DesiredStateBuilder.Build(evaluation, TestAnatomy.Model);
        var comment = Assert.Single(_github.Issue(5).Comments);
        Assert.Equal(desired.Comment, comment.Body);
        var run = Assert.Single(_github.Repository.CheckRuns);
        Assert.Equal(("anatomy", "abc123", "failure", "completed"), (run.Name, run.HeadSha, run.Conclusion, run.Status));
        Assert.Equal(desired.Check!.Summary, run.Summary);
        Assert.Equal(desired.OwnedLabels.Order(StringComparer.Ordinal), _github.Issue(5).Labels.Order(StringComparer.Ordinal));
        Assert.Equal(result.Writes, Api.Writes.Count);
        Assert.Equal(Api.Requests.Count, result.ApiCalls);
        const string Comments = "GET /repos/acme/shop/issues/5/comments";
        // Token mode: the token's user is asked once; no check run counts as the bot's until it has created one, so the
        // first delivery lists none.
        string[] expected =
        [
            "GET /repos/acme/shop/pulls/5", "GET /repos/acme/shop/pulls/5/files", "GET /repos/acme/shop/contents/.github/anatomy.yml",
            "GET /user", Comments,
            .. desired.OwnedLabels.Select(_ => "POST /repos/acme/shop/labels"), "POST /repos/acme/shop/issues/5/labels",
            Comments, "POST /repos/acme/shop/issues/5/comments", Comments,
            "POST /repos/acme/shop/check-runs",
        ];
        Assert.Equal(expected, _github.Sent);
        Assert.Equal(_github.Conformance is null ? 0 : expected.Length, _github.Conformance?.Checked ?? 0);
    }

    [Fact]
    public async Task HandleAsync_SameEventTwice_MakesZeroWritesTheSecondTime()
    {
        _github.AddPullRequest(5, "Just a refactoring.");
        await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);
        var before = Api.Writes.Count;

        var second = await _github.Handler.HandleAsync(_github.PullRequestEvent(5, "edited"), default);

        Assert.Equal(0, second.Writes);
        Assert.Equal(before, Api.Writes.Count);
        Assert.True(second.ApiCalls > 0);
        Assert.Single(_github.Issue(5).Comments);
        Assert.Single(_github.Repository.CheckRuns);
    }

    [Fact]
    public async Task HandleAsync_TwoConcurrentEventsForOnePullRequest_EndInOneCommentAndOneCheck()
    {
        _github.AddPullRequest(5, "Just a refactoring.");

        await Task.WhenAll(
            Task.Run(() => _github.Handler.HandleAsync(_github.PullRequestEvent(5), default)),
            Task.Run(() => _github.Handler.HandleAsync(_github.PullRequestEvent(5, "synchronize"), default)));

        Assert.Single(_github.Issue(5).Comments);
        Assert.Single(_github.Repository.CheckRuns);
        Assert.Single(Api.Writes, w => w.ToString() == "POST /repos/acme/shop/issues/5/comments");
    }

    [Fact]
    public async Task HandleAsync_CommentCreatedConcurrentlyByAnotherProcess_MergesIntoOne()
    {
        _github.AddPullRequest(5, "Just a refactoring.");
        var others = 0;
        Api.BeforeCommentCreated = (_, issue) =>
        {
            // Another instance (no shared lock) creates its comment first, with what it saw a moment earlier.
            if (others++ == 0)
            {
                Api.AddComment(issue, $"{Markers.Comment}\nan older evaluation");
            }
        };

        await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        var comment = Assert.Single(_github.Issue(5).Comments);
        Assert.Equal(1000L, comment.Id);
        Assert.StartsWith($"{Markers.Comment}\n\n### ", comment.Body, StringComparison.Ordinal);
        Assert.Equal(
            ["POST /repos/acme/shop/issues/5/comments", "DELETE /repos/acme/shop/issues/comments/1001", "PATCH /repos/acme/shop/issues/comments/1000"],
            Api.Writes.Select(w => w.ToString()).Where(w => w.Contains("comments", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HandleAsync_FixedLink_EditsCommentInPlaceAndRemovesFixedLabelsOnly()
    {
        _github.AddPullRequest(5, "Just a refactoring.");
        await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);
        _github.Issue(5).Labels.Add("team:payments");
        _github.AddIssue(1, "Outcome: O-FAST\nStage: S-KYC\nComponent: C-KYC", "story");
        _github.Issue(5).Body = "Closes #1\n\nComponent: C-KYC";
        Api.ClearRequests();

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5, "edited"), default);

        var desired = DesiredStateBuilder.Build(Assert.Single(result.Evaluations), TestAnatomy.Model);
        Assert.Single(_github.Issue(5).Comments);
        Assert.Contains("team:payments", _github.Issue(5).Labels);
        Assert.NotEqual(CheckConclusion.Failure, desired.Check!.Conclusion);
        Assert.Equal(desired.Check.Summary, _github.Repository.CheckRuns.Single().Summary);
        Assert.Equal(desired.Comment, _github.Issue(5).Comments.Single().Body);
        Assert.Empty(_github.Issue(5).Labels.Where(l => l.StartsWith("anatomy:", StringComparison.Ordinal)).Except(desired.OwnedLabels));
        var comment = _github.Issue(5).Comments.Single().Id;
        var run = _github.Repository.CheckRuns.Single().Id;
        Assert.Equal(
            [
                .. Api.Writes.Where(w => w.Method == HttpMethod.Delete).Select(w => w.ToString()),
                $"PATCH /repos/acme/shop/issues/comments/{comment}",
                $"PATCH /repos/acme/shop/check-runs/{run}",
            ],
            Api.Writes.Select(w => w.ToString()));
        Assert.All(Api.Writes.Where(w => w.Method == HttpMethod.Delete), w => Assert.StartsWith("/repos/acme/shop/issues/5/labels/anatomy:", w.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_IssueChange_ReevaluatesOpenPullRequestsLinkingToIt()
    {
        _github.AddIssue(1, "Outcome: O-FAST", "story");
        _github.AddPullRequest(5, "Closes #1");

        var result = await _github.Handler.HandleAsync(_github.IssuesEvent(1, "labeled"), default);

        Assert.Equal(["acme/shop#1", "acme/shop#5"], result.Evaluations.Select(e => e.Item.Id).ToArray());
        Assert.Contains("GET /repos/acme/shop/issues/1/timeline", _github.Sent);
        Assert.Single(_github.Repository.CheckRuns);
    }

    [Fact]
    public async Task HandleAsync_LinkedIssueAnswers404_LeavesItOutWithoutThrowing()
    {
        _github.AddPullRequest(5, "Closes #9");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        Assert.Contains("GET /repos/acme/shop/issues/9", _github.Sent);
        Assert.Single(result.Evaluations);
        Assert.Single(_github.Issue(5).Comments);
    }

    [Fact]
    public async Task HandleAsync_DeletedIssue_EndsWithReasonAndNoWrites()
    {
        _github.AddIssue(7, "gone").Deleted = true;

        var result = await _github.Handler.HandleAsync(_github.IssuesEvent(7), default);

        Assert.Empty(result.Evaluations);
        Assert.Equal(0, result.Writes);
        Assert.Contains("410", result.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PullRequestFromFork_EvaluatesAndReportsOnBaseRepository()
    {
        _github.AddPullRequest(6, "Just a refactoring.", sha: "f0f0f0", headRepo: "stranger/shop");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(6), default);

        Assert.Single(result.Evaluations);
        Assert.Equal("f0f0f0", _github.Repository.CheckRuns.Single().HeadSha);
        Assert.All(Api.Writes, w => Assert.StartsWith("/repos/acme/shop/", w.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_RepositoryWithoutAnatomyNorOrganisationOne_NeverOptedInAndGetsNoWrite()
    {
        _github.SetAnatomy(null);
        _github.AddPullRequest(5, "Anything");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        Assert.Equal(
            ["GET /repos/acme/shop/contents/.github/anatomy.yml", "GET /repos/acme/.github/contents/.github/anatomy.yml"],
            _github.Sent.Where(r => r.Contains("/contents/", StringComparison.Ordinal)));
        Assert.Empty(result.Evaluations);
        Assert.Empty(Api.Writes);
        Assert.Contains("acme/shop: no anatomy", result.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BrokenAnatomy_NeverBlocksAndReportsTheFilesErrors()
    {
        _github.SetAnatomy(TestAnatomy.Broken);
        _github.AddPullRequest(5, "Anything");

        await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        var run = _github.Repository.CheckRuns.Single();
        Assert.Equal("neutral", run.Conclusion);
        Assert.Contains("line 7, column 5 `schema`: stages[0].id is required", run.Summary, StringComparison.Ordinal);
        Assert.Contains("stages[0].id is required", _github.Issue(5).Comments.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoRepositoryAnatomy_FallsBackToOrgDotGitHubRepository()
    {
        _github.SetAnatomy(null);
        _github.SetAnatomy(TestAnatomy.Valid, ".github");
        _github.AddPullRequest(5, "Just a refactoring.");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        Assert.Single(result.Evaluations);
        Assert.Equal("failure", _github.Repository.CheckRuns.Single().Conclusion);
    }

    [Fact]
    public async Task HandleAsync_ServerErrorOnWrite_ThrowsTransientAndRetryCompletesWithoutDuplicates()
    {
        _github.AddPullRequest(5, "Just a refactoring.");
        Api.Fail(HttpMethod.Post, "^/repos/acme/shop/check-runs$", HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<TransientDeliveryException>(() => _github.Handler.HandleAsync(_github.PullRequestEvent(5), default));

        Api.ClearFaults();
        await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);
        Assert.Single(_github.Issue(5).Comments);
        Assert.Single(_github.Repository.CheckRuns);
        Assert.Single(Api.Writes, w => w.ToString() == "POST /repos/acme/shop/issues/5/comments");
    }

    [Fact]
    public async Task HandleAsync_OpenCircuitAfterRepeatedServerErrors_ThrowsTransientNotDefect()
    {
        _github.AddPullRequest(5, "Just a refactoring.");
        Api.Fail(HttpMethod.Post, "^/repos/acme/shop/check-runs$", HttpStatusCode.BadGateway);

        // Every delivery fails its check-run write, about one call in six: past the resilience pipeline's failure ratio
        // over its minimum throughput, its circuit breaker opens and refuses calls without sending them.
        TransientDeliveryException? error = null;
        for (var i = 0; i < 50 && error?.InnerException is not BrokenCircuitException; i++)
        {
            error = await Assert.ThrowsAsync<TransientDeliveryException>(() => _github.Handler.HandleAsync(_github.PullRequestEvent(5), default));
        }

        Assert.IsType<BrokenCircuitException>(error?.InnerException);
        Assert.Single(_github.Issue(5).Comments);
    }

    [Fact]
    public async Task HandleAsync_LongRateLimitWait_ThrowsTransientWithRetryAfter()
    {
        _github.AddPullRequest(5, "x");
        Api.Fail(HttpMethod.Get, "^/repos/acme/shop/pulls/5$", HttpStatusCode.TooManyRequests, ("Retry-After", "120"));

        var error = await Assert.ThrowsAsync<TransientDeliveryException>(() => _github.Handler.HandleAsync(_github.PullRequestEvent(5), default));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Empty(Api.Writes);
    }

    [Theory]
    [InlineData("pull_request", """{"action":"assigned","number":5,"pull_request":{"number":5},"repository":{"name":"shop","owner":{"login":"acme"}}}""")]
    [InlineData("issue_comment", """{"action":"created","issue":{"number":5},"repository":{"name":"shop","owner":{"login":"acme"}}}""")]
    [InlineData("star", """{"action":"created"}""")]
    [InlineData("pull_request", """{"action":"opened","number":""")]
    [InlineData("push", """{"ref":"refs/heads/main","commits":[{"added":[],"modified":["README.md"],"removed":[]}],"repository":{"name":"shop","default_branch":"main","owner":{"login":"acme"}}}""")]
    public async Task HandleAsync_EventTheBotDoesNotActOn_EndsWithReasonAndNoApiCall(string eventName, string body)
    {
        var result = await _github.Handler.HandleAsync(new Delivery { Platform = "github", Id = "d", EventName = eventName, Body = body, ReceivedAt = default }, default);

        Assert.NotNull(result.Skipped);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task HandleAsync_SubIssueWithParentIssueUrl_EvaluatesWithParentWithoutAskingParentEndpoint()
    {
        _github.AddIssue(1, "Outcome: O-FAST\nStage: S-KYC", "feature");
        _github.AddIssue(2, "Component: C-KYC", "story");
        _github.Issue(2).Parent = 1;
        var subIssues = GitHubHarness.Delivery("sub_issues", new JsonObject
        {
            ["action"] = "parent_issue_added",
            ["sub_issue"] = new JsonObject { ["number"] = 2 },
            ["repository"] = GitHubHarness.RepositoryJson(),
        });

        var result = await _github.Handler.HandleAsync(subIssues, default);

        var evaluation = Assert.Single(result.Evaluations);
        Assert.Equal("acme/shop#1", evaluation.Item.ParentId);
        Assert.Contains("GET /repos/acme/shop/issues/1", _github.Sent);
        Assert.DoesNotContain(Api.Requests, r => r.Path.EndsWith("/parent", StringComparison.Ordinal));
        Assert.Contains("O-FAST", evaluation.Trace.Outcomes);
    }

    [Fact]
    public async Task HandleAsync_SubIssueOnServerWithoutParentIssueUrl_AsksTheParentEndpoint()
    {
        _github.Api.IssuesCarryParentUrl = false;
        _github.AddIssue(1, "Outcome: O-FAST\nStage: S-KYC", "feature");
        _github.AddIssue(2, "Component: C-KYC", "story").Parent = 1;

        var result = await _github.Handler.HandleAsync(_github.IssuesEvent(2), default);

        Assert.Equal("acme/shop#1", Assert.Single(result.Evaluations, e => e.Item.Id == "acme/shop#2").Item.ParentId);
        Assert.Equal(
            ["GET /repos/acme/shop/issues/2", "GET /repos/acme/shop/issues/2/parent", "GET /repos/acme/shop/issues/1", "GET /repos/acme/shop/issues/1/parent"],
            _github.Sent.Where(r => r.StartsWith("GET /repos/acme/shop/issues/", StringComparison.Ordinal) && !r.Contains("comments", StringComparison.Ordinal) && !r.Contains("timeline", StringComparison.Ordinal)));
    }

    public void Dispose() => _github.Dispose();
}
