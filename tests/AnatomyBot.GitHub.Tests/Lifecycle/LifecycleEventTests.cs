using System.Text.Json.Nodes;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Tests.Pipeline;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Lifecycle;

/// <summary>GitHub's published lifecycle payloads (../shared/conformance/github/webhooks) driven through the real handler
/// against the fake API and the processor into a ledger: merge time, verdict at merge, and gap closures with the item.</summary>
public sealed class LifecycleEventTests : IDisposable
{
    private const string Repository = "Codertocat/Hello-World";
    private static readonly DateTimeOffset MergedAt = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    private readonly GitHubHarness _github = new();
    private readonly InMemoryEvaluationLedger _ledger = new();
    private readonly DeliveryProcessor _processor;
    private readonly FakeGitHubRepository _repository;

    public LifecycleEventTests()
    {
        _repository = _github.Api.Repository("Codertocat", "Hello-World");
        _repository.Files[GitHubHarness.AnatomyPath] = TestAnatomy.Valid;
        _processor = _github.Processor(_ledger);
    }

    [Fact]
    public async Task HandleAsync_PullRequestClosedWithoutMerge_ClosesItsGapsWithTheItemAndWritesNothing()
    {
        var pr = AddPullRequest("Just a refactoring.");
        await ProcessAsync("pull_request", "reopened.json");
        var open = await LatestAsync("Codertocat/Hello-World#2");
        Assert.True(open.IsOpen);
        Assert.NotEmpty(open.Gaps);
        pr.State = "closed";
        var writes = _github.Api.Writes.Count;
        _github.Time.Advance(TimeSpan.FromHours(1));

        var outcome = await ProcessAsync("pull_request", "closed.json");

        var closed = await LatestAsync("Codertocat/Hello-World#2");
        Assert.False(closed.IsOpen);
        Assert.Null(closed.MergedAt);
        Assert.Equal(open.Gaps, closed.Gaps);
        Assert.Equal(writes, _github.Api.Writes.Count);
        Assert.Equal(open.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal((GapEventKind.ItemClosed, "item-closed", _github.Time.GetUtcNow()), (e.Kind, e.Reason, e.At)));
    }

    [Fact]
    public async Task HandleAsync_PullRequestMergedPastTheCheck_RecordsTheMergeTimeOfThePullRequestAndItsBlockingGaps()
    {
        var pr = AddPullRequest("Just a refactoring.");
        await ProcessAsync("pull_request", "opened.json");
        pr.State = "merged";
        pr.ClosedAt = MergedAt;
        _github.Time.Advance(TimeSpan.FromDays(2));

        // The published example is a pull request closed without merging; the same payload merged, as GitHub sends it.
        var outcome = await ProcessAsync("pull_request", "closed.with-organization.json", body =>
        {
            body["pull_request"]!["merged"] = true;
            body["pull_request"]!["merged_at"] = "2026-11-24T15:30:00Z";
        });

        var merged = await LatestAsync("Codertocat/Hello-World#2");
        Assert.Equal(MergedAt, merged.MergedAt);
        Assert.False(merged.IsOpen);
        Assert.Contains(merged.Gaps, g => g.Value == Core.Policy.GapSeverity.Block);
        Assert.NotEmpty(outcome.GapEvents);
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.ItemClosed, e.Kind));
        Assert.DoesNotContain(_github.Api.Requests, r => r.Method != HttpMethod.Get && r.Path.Contains("/pulls/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_PullRequestMergedWithAFullTrace_RecordsNoGapsAndTheMergeTime()
    {
        AddIssue().Body = "Outcome: O-FAST\nStage: S-KYC\nComponent: C-KYC";
        var pr = AddPullRequest("Closes #1\n\nComponent: C-KYC");
        pr.State = "merged";
        pr.ClosedAt = MergedAt;

        var outcome = await ProcessAsync("pull_request", "closed.json", body => body["pull_request"]!["merged_at"] = "2026-11-24T15:30:00Z");

        var merged = await LatestAsync("Codertocat/Hello-World#2");
        Assert.Equal(MergedAt, merged.MergedAt);
        Assert.DoesNotContain(merged.Gaps, g => g.Value == Core.Policy.GapSeverity.Block);
        Assert.Empty(outcome.GapEvents);
        Assert.Empty(_github.Api.Writes);
    }

    [Fact]
    public async Task HandleAsync_PullRequestReopened_OpensItsGapsAgain()
    {
        var pr = AddPullRequest("Just a refactoring.");
        await ProcessAsync("pull_request", "opened.json");
        pr.State = "closed";
        await ProcessAsync("pull_request", "closed.json");
        pr.State = "open";
        _github.Time.Advance(TimeSpan.FromDays(1));

        var outcome = await ProcessAsync("pull_request", "reopened.with-organization.json");

        var reopened = await LatestAsync("Codertocat/Hello-World#2");
        Assert.True(reopened.IsOpen);
        Assert.Equal(reopened.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.Opened, e.Kind));
    }

    [Fact]
    public async Task HandleAsync_IssueClosed_ClosesItsGapsWithTheItemAndWritesNoLabel()
    {
        var issue = AddIssue();
        await ProcessAsync("issues", "opened.json");
        var open = await LatestAsync("Codertocat/Hello-World#1");
        Assert.NotEmpty(open.Gaps);
        issue.State = "closed";
        issue.Labels.Clear();
        var writes = _github.Api.Writes.Count;

        var outcome = await ProcessAsync("issues", "opened.json", ClosedIssue);

        Assert.False((await LatestAsync("Codertocat/Hello-World#1")).IsOpen);
        Assert.Equal(writes, _github.Api.Writes.Count);
        Assert.Empty(issue.Labels);
        Assert.Equal(open.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal("item-closed", e.Reason));
    }

    [Fact]
    public async Task HandleAsync_IssueReopened_EvaluatesAgainAndOpensItsGaps()
    {
        var issue = AddIssue();
        issue.State = "closed";
        await ProcessAsync("issues", "opened.json", ClosedIssue);
        issue.State = "open";

        var outcome = await ProcessAsync("issues", "opened.json", body =>
        {
            // No published example of issues.reopened: the opened example with the action its schema names.
            body["action"] = "reopened";
        });

        var reopened = await LatestAsync("Codertocat/Hello-World#1");
        Assert.True(reopened.IsOpen);
        Assert.NotEmpty(reopened.Gaps);
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.Opened, e.Kind));
        Assert.Contains(_github.Api.Writes, w => w.Path == "/repos/Codertocat/Hello-World/issues/1/labels");
    }

    [Fact]
    public async Task HandleAsync_IssueDeleted_ClosesItsGapsWithoutReadingOrWriting()
    {
        AddIssue();
        await ProcessAsync("issues", "opened.json");
        var open = await LatestAsync("Codertocat/Hello-World#1");
        _repository.Issues[1].Deleted = true;
        _github.Api.ClearRequests();

        var outcome = await ProcessAsync("issues", "opened.json", body =>
        {
            // No published example of issues.deleted: the opened example with the action its schema names.
            body["action"] = "deleted";
        });

        Assert.False((await LatestAsync("Codertocat/Hello-World#1")).IsOpen);
        Assert.Empty(_github.Api.Requests);
        Assert.Equal(open.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.ItemClosed, e.Kind));
    }

    public void Dispose() => _github.Dispose();

    /// <summary>GitHub publishes no <c>issues.closed</c> example. Built from the <c>issues/closed</c> schema in
    /// ../shared/conformance/github/schemas: the opened example with <c>action: closed</c> and the two members that schema
    /// requires of the issue, <c>state: closed</c> and <c>closed_at</c>.</summary>
    private static void ClosedIssue(JsonObject body)
    {
        body["action"] = "closed";
        body["issue"]!["state"] = "closed";
        body["issue"]!["closed_at"] = "2026-11-24T09:00:00Z";
    }

    private FakeIssue AddPullRequest(string body)
    {
        var pr = new FakeIssue { Number = 2, Title = "Update the README with new information", Body = body, IsPullRequest = true, HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821" };
        _repository.Issues[2] = pr;
        return pr;
    }

    private FakeIssue AddIssue()
    {
        var issue = new FakeIssue { Number = 1, Title = "Spelling error in the README file", Body = "Outcome: O-FAST" };
        issue.Labels.Add("story");
        _repository.Issues[1] = issue;
        return issue;
    }

    private async Task<ProcessingOutcome> ProcessAsync(string eventName, string file, Action<JsonObject>? change = null)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ConformanceFolder(), eventName, file)))!.AsObject();
        change?.Invoke(body);
        var outcome = await _processor.ProcessAsync(GitHubHarness.Delivery(eventName, body), default);
        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        return outcome;
    }

    private async Task<StoredEvaluation> LatestAsync(string id) =>
        Assert.IsType<StoredEvaluation>(await _ledger.GetLatestAsync(ItemSource.GitHub, id, default));

    private static string ConformanceFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "github", "webhooks"));
    }
}
