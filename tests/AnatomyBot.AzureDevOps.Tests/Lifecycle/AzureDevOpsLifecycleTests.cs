using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Tests.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.AzureDevOps.Tests.Lifecycle;

/// <summary>Azure DevOps lifecycle through the real handler against the fake API and the processor into a ledger: a
/// completed pull request's merge time from <c>closedDate</c>, an abandoned one closed unmerged, work items closed by
/// the category of their state (not its name), a deleted work item; none of them written to.</summary>
public sealed class AzureDevOpsLifecycleTests : IDisposable
{
    private static readonly DateTimeOffset ClosedDate = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    private readonly TestHost _host = new();
    private readonly InMemoryEvaluationLedger _ledger = new();
    private readonly DeliveryProcessor _processor;

    public AzureDevOpsLifecycleTests() =>
        _processor = new DeliveryProcessor([_host.Get<IDeliveryHandler>()], new InMemoryDeliveryLedger(), _ledger, _host.Scheduler, new DeliveryProcessorOptions(), _host.Time);

    private FakeAzureDevOps Fake => _host.Fake;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Process_PublishedMergedPayloadOfACompletedPullRequest_MergeTimeIsClosedDateAndGapsCloseWithIt()
    {
        var published = ConformanceCorpus.Find("azure-devops/service-hooks/git.pullrequest.merged.json");
        Assert.SkipWhen(published is null, "The conformance corpus is not in this checkout.");
        var pr = PullRequestWithGaps(1);
        await ProcessAsync("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 1));
        var open = await LatestAsync("Fabrikam/Web!1");
        Assert.True(open.IsOpen);
        Assert.NotEmpty(open.Gaps);
        pr.Status = "completed";
        pr.ClosedDate = ClosedDate;
        var writes = Fake.Writes.Count;

        var outcome = await ProcessAsync("git.pullrequest.merged", File.ReadAllText(published!));

        var merged = await LatestAsync("Fabrikam/Web!1");
        Assert.Equal(ClosedDate, merged.MergedAt);
        Assert.False(merged.IsOpen);
        Assert.Equal(open.Gaps, merged.Gaps);
        Assert.Equal(open.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal(("item-closed", GapEventKind.ItemClosed), (e.Reason, e.Kind)));
        Assert.Equal(writes, Fake.Writes.Count);
    }

    [Fact]
    public async Task Process_AbandonedPullRequest_ClosedUnmergedWithNoWrite()
    {
        var pr = PullRequestWithGaps(5);
        await ProcessAsync("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));
        pr.Status = "abandoned";
        pr.ClosedDate = ClosedDate;
        var writes = Fake.Writes.Count;

        var outcome = await ProcessAsync("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));

        var abandoned = await LatestAsync("Fabrikam/Web!5");
        Assert.False(abandoned.IsOpen);
        Assert.Null(abandoned.MergedAt);
        Assert.NotEmpty(outcome.GapEvents);
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.ItemClosed, e.Kind));
        Assert.Equal(writes, Fake.Writes.Count);
    }

    [Fact]
    public async Task Process_StoryInACustomStateOfTheCompletedCategory_ClosedWithoutATagWriteAndStatesReadOncePerType()
    {
        Fake.TypeStates["User Story"].Add(("Shipped", "Completed"));
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Tags = "anatomy:no-stage" });
        await ProcessAsync("workitem.updated", Payloads.WorkItemUpdated(10));
        Assert.True((await LatestAsync("10")).IsOpen);
        Fake.WorkItems[10].State = "Shipped";
        var writes = Fake.Writes.Count;

        var outcome = await ProcessAsync("workitem.updated", Payloads.WorkItemUpdated(10, "5f1e2d3c-0000-4000-8000-000000000002"));

        Assert.False((await LatestAsync("10")).IsOpen);
        Assert.NotEmpty(outcome.GapEvents);
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.ItemClosed, e.Kind));
        Assert.Equal(writes, Fake.Writes.Count);
        Assert.Single(Fake.Requests, r => r.Path.EndsWith("/wit/workitemtypes/User Story/states", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_StateNamedDoneInTheInProgressCategory_StaysOpenAndGetsItsTags()
    {
        Fake.TypeStates["User Story"].Add(("Done", "InProgress"));
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", State = "Done" });

        await ProcessAsync("workitem.updated", Payloads.WorkItemUpdated(10));

        Assert.True((await LatestAsync("10")).IsOpen);
        Assert.Contains("anatomy:no-stage", TagList.Parse(Fake.WorkItems[10].Tags));
    }

    [Fact]
    public async Task Process_DeletedWorkItem_ItsOpenGapsCloseWithIt()
    {
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        await ProcessAsync("workitem.updated", Payloads.WorkItemUpdated(10));
        var open = await LatestAsync("10");
        Fake.WorkItems.Remove(10);

        var outcome = await ProcessAsync("workitem.deleted", Payloads.WorkItem("workitem.deleted", 10));

        Assert.False((await LatestAsync("10")).IsOpen);
        Assert.Equal(open.Gaps.Keys.Order(StringComparer.Ordinal), outcome.GapEvents.Select(e => e.Code));
        Assert.All(outcome.GapEvents, e => Assert.Equal(GapEventKind.ItemClosed, e.Kind));
    }

    private FakePullRequest PullRequestWithGaps(int number)
    {
        Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        var pr = new FakePullRequest { Number = number, Title = "Add scanner" };
        pr.WorkItemIds.Add(20);
        return Fake.Add(pr);
    }

    private async Task<ProcessingOutcome> ProcessAsync(string eventType, string body)
    {
        var delivery = new Delivery { Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = eventType, Body = body, ReceivedAt = _host.Time.GetUtcNow() };
        var outcome = await _processor.ProcessAsync(delivery, CancellationToken.None);
        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        return outcome;
    }

    private async Task<StoredEvaluation> LatestAsync(string id) =>
        await _ledger.GetLatestAsync(ItemSource.AzureDevOps, id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} is not in the ledger");
}
