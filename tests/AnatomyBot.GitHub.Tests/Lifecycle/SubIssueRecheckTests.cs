using System.Text.Json.Nodes;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Tests.Pipeline;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.GitHub.Tests.Lifecycle;

/// <summary>A parent issue's change reaches its sub-issue and the pull request citing the sub-issue through the real
/// channel: the parent's <c>issues</c> delivery evaluates the parent alone, the processor queues re-checks of what links
/// to it (from a real SQLite links ledger), and those re-checks bring the sub-issue's gap label and the pull request's
/// check run in line on the same head commit — each item evaluated once, every request to the fake asserted. A parent passes
/// down outcomes and stages only (components and logic are never inherited), so a component label on the parent re-checks
/// the sub-issue and the pull request and changes nothing on them.</summary>
public sealed class SubIssueRecheckTests : IDisposable
{
    private const string Outcome = "outcome:O-FAST";
    private const string Head = "sha3";
    private const string Api = "/repos/acme/shop";
    private const string ReadAnatomy = $"GET {Api}/contents/.github/anatomy.yml";
    private const string ReadCheckRun = $"GET {Api}/commits/{Head}/check-runs?check_name=anatomy&filter=latest";

    /// <summary>The parent's delivery before its writes: the parent, the anatomy, its comments (after the writes comes its
    /// timeline, for pull requests citing the parent itself: none do).</summary>
    private static readonly string[] ReadParent = [$"GET {Api}/issues/1", ReadAnatomy, $"GET {Api}/issues/1/comments"];

    /// <summary>The sub-issue's re-check: the sub-issue, its parent (from <c>parent_issue_url</c>), the anatomy, its comments.</summary>
    private static readonly string[] ReadSubIssue = [$"GET {Api}/issues/2", $"GET {Api}/issues/1", ReadAnatomy, $"GET {Api}/issues/2/comments"];

    /// <summary>The pull request's re-check: it, its files, the sub-issue it cites and that one's parent, the anatomy, its
    /// comments and the bot's check run on its head.</summary>
    private static readonly string[] ReadPullRequest =
    [
        $"GET {Api}/pulls/3", $"GET {Api}/pulls/3/files", $"GET {Api}/issues/2", $"GET {Api}/issues/1", ReadAnatomy,
        $"GET {Api}/issues/3/comments", ReadCheckRun,
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-subissue-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly GitHubHarness _github = new();
    private readonly DeliveryProcessor _processor;

    public SubIssueRecheckTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _processor = _github.Processor(new InMemoryEvaluationLedger(), new SqliteLinkLedger(_database));
        _github.SetAnatomy(TestAnatomy.Valid);
        _github.AddIssue(1, "Verify identities before the first login.", "feature");
        _github.AddIssue(2, "Check the customer's identity document.\n\nComponent: C-KYC", "story").Parent = 1;
        _github.AddPullRequest(3, "Closes #2", sha: Head);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProcessAsync_ParentGainsAnOutcomeLabel_SubIssueLosesItsGapLabelAndThePullRequestCheckSucceeds()
    {
        await ArrangeAsync();
        Assert.Contains("anatomy:no-outcome", _github.Issue(2).Labels);
        Assert.Equal("failure", LatestRun().Conclusion);

        _github.Issue(1).Labels.Add(Outcome);
        var evaluated = await ChangeParentAsync("labeled", Outcome);

        Assert.Equal(["acme/shop#1", "acme/shop#2", "acme/shop#3"], evaluated);
        Assert.DoesNotContain("anatomy:no-outcome", _github.Issue(2).Labels);
        Assert.Equal((Head, "success"), (LatestRun().HeadSha, LatestRun().Conclusion));
        Assert.Equal(
            [
                .. ReadParent, $"DELETE {Api}/issues/1/labels/anatomy:no-outcome", $"PATCH {Api}/issues/comments/1000", $"GET {Api}/issues/1/timeline",
                .. ReadSubIssue, $"DELETE {Api}/issues/2/labels/anatomy:no-outcome", $"PATCH {Api}/issues/comments/1003",
                .. ReadPullRequest, $"DELETE {Api}/issues/3/labels/anatomy:no-outcome", $"PATCH {Api}/issues/comments/1001", ReadCheckRun, $"PATCH {Api}/check-runs/1002",
            ],
            _github.Sent);
    }

    [Fact]
    public async Task ProcessAsync_ParentLosesItsOutcomeLabel_SubIssueGetsItsGapLabelBackAndThePullRequestCheckFails()
    {
        _github.Issue(1).Labels.Add(Outcome);
        await ArrangeAsync();
        Assert.DoesNotContain("anatomy:no-outcome", _github.Issue(2).Labels);
        Assert.Equal("success", LatestRun().Conclusion);

        _github.Issue(1).Labels.Remove(Outcome);
        var evaluated = await ChangeParentAsync("unlabeled", Outcome);

        Assert.Equal(["acme/shop#1", "acme/shop#2", "acme/shop#3"], evaluated);
        Assert.Contains("anatomy:no-outcome", _github.Issue(2).Labels);
        Assert.Equal((Head, "failure"), (LatestRun().HeadSha, LatestRun().Conclusion));
        Assert.Equal(
            [
                .. ReadParent, $"POST {Api}/labels", $"POST {Api}/issues/1/labels", $"PATCH {Api}/issues/comments/1000", $"GET {Api}/issues/1/timeline",
                .. ReadSubIssue, $"POST {Api}/issues/2/labels", $"PATCH {Api}/issues/comments/1003",
                .. ReadPullRequest, $"POST {Api}/issues/3/labels", $"PATCH {Api}/issues/comments/1001", ReadCheckRun, $"PATCH {Api}/check-runs/1002",
            ],
            _github.Sent);
        Assert.Equal("anatomy:no-outcome", (string?)JsonNode.Parse(_github.Api.Writes.Single(w => w.Path == $"{Api}/labels").Body)!["name"]);
    }

    [Fact]
    public async Task ProcessAsync_ParentGainsAComponentLabel_SubIssueKeepsItsNoComponentGapAsComponentsAreNotInherited()
    {
        _github.Issue(1).Labels.Add(Outcome);
        _github.Issue(2).Body = "Check the customer's identity document.";
        await ArrangeAsync();
        Assert.Contains("anatomy:no-component", _github.Issue(2).Labels);
        Assert.Equal("failure", LatestRun().Conclusion);

        _github.Issue(1).Labels.Add("component:C-KYC");
        var evaluated = await ChangeParentAsync("labeled", "component:C-KYC");

        Assert.Equal(["acme/shop#1", "acme/shop#2", "acme/shop#3"], evaluated);
        Assert.Contains("anatomy:no-component", _github.Issue(2).Labels);
        Assert.Equal((Head, "failure"), (LatestRun().HeadSha, LatestRun().Conclusion));
        Assert.Equal(
            [
                .. ReadParent, $"PATCH {Api}/issues/comments/1000", $"GET {Api}/issues/1/timeline",
                .. ReadSubIssue,
                .. ReadPullRequest,
            ],
            _github.Sent);
    }

    public void Dispose()
    {
        _github.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The parent, the pull request and the sub-issue are evaluated through their own deliveries, so each carries
    /// its gap labels and the links ledger knows that the pull request cites the sub-issue and the sub-issue's parent; then
    /// the requests and the queue are cleared.</summary>
    private async Task ArrangeAsync()
    {
        await ProcessAsync(_github.IssuesEvent(1, "opened"));
        await ProcessAsync(_github.PullRequestEvent(3));
        await ProcessAsync(_github.IssuesEvent(2, "opened"));
        _github.Api.ClearRequests();
        _github.Scheduler.Queued.Clear();
    }

    /// <summary>An <c>issues</c> delivery for the parent alone, then the re-checks it queued; the ids of the items evaluated,
    /// in order.</summary>
    private async Task<IReadOnlyList<string>> ChangeParentAsync(string action, string label)
    {
        var change = await ProcessAsync(GitHubHarness.LabelEvent(1, action, label));
        Assert.Equal(2, change.Rechecks.Deliveries);
        var rechecks = await _github.ProcessQueuedAsync(_processor, Token);
        Assert.Equal([$"recheck:{change.Delivery.Id}:acme/shop#2", $"recheck:{change.Delivery.Id}:acme/shop#3"], rechecks.Select(r => r.Delivery.Id));
        Assert.All(rechecks, r => Assert.Equal(ProcessingStatus.Processed, r.Status));
        Assert.Empty(_github.Scheduler.Queued);
        return [.. new[] { change }.Concat(rechecks).SelectMany(o => o.Result!.Evaluations).Select(e => e.Item.Id)];
    }

    private async Task<ProcessingOutcome> ProcessAsync(Delivery delivery)
    {
        var outcome = await _processor.ProcessAsync(delivery, Token);
        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        return outcome;
    }

    private Fakes.GitHub.FakeCheckRun LatestRun() => Assert.Single(_github.Repository.CheckRuns);
}
