using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary><c>git.push</c> to the anatomy's repository: only a push that changes the file re-evaluates, and then every open
/// epic, feature, story and active pull request, through queued deliveries pinned to the new anatomy version.</summary>
public sealed class AnatomyChangeTests : IDisposable
{
    private static readonly string V1 = TestAnatomy.Yaml();
    private static readonly string V2 = TestAnatomy.Yaml(withScanStage: true);
    private readonly TestHost _host = new(realAnatomy: true);

    public AnatomyChangeTests()
    {
        Anatomy.Files["/anatomy.yml"] = V1;
        Anatomy.Commits["c1"] = new() { ["/anatomy.yml"] = V1 };
        Anatomy.Commits["c2"] = new() { ["/anatomy.yml"] = V2 };
        Anatomy.Commits["c3"] = new() { ["/anatomy.yml"] = V2, ["/README.md"] = "docs" };
        Fake.Add(new FakeWorkItem { Id = 1, Type = "Epic", Title = "Onboarding", Description = "<p>Outcome: O-ACT</p>" });
        Fake.Add(new FakeWorkItem { Id = 3, Title = "Scan passports", Parent = 1, Description = "<p>Stage: S-SCAN</p><p>Component: C-SCAN</p>", Tags = "team:blue" });
        Fake.Add(new FakeWorkItem { Id = 4, Title = "Old story", State = "Closed" });
        Fake.Add(new FakeWorkItem { Id = 5, Type = "Task", Title = "A task" });
        var pr = new FakePullRequest { Number = 7, Title = "Scanner", Iterations = 2 };
        pr.WorkItemIds.Add(3);
        pr.ChangedPaths.Add("src/scan/reader.cs");
        Fake.Add(pr);
        Fake.Add(new FakePullRequest { Number = 8, Status = "completed" });
    }

    private FakeAzureDevOps Fake => _host.Fake;

    private FakeGitRepository Anatomy => _host.Anatomy;

    public void Dispose() => _host.Dispose();

    private Task<DeliveryResult> Deliver(string eventType, string body, string id = "n-1")
    {
        Fake.ClearRequests();
        return _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = id, EventName = eventType, Body = body, ReceivedAt = _host.Time.GetUtcNow() }, CancellationToken.None);
    }

    [Fact]
    public async Task PushChangingTheAnatomy_QueuesEveryOpenItemPinnedToTheNewVersion_WithoutWriting()
    {
        Anatomy.Files["/anatomy.yml"] = V2;

        var result = await Deliver("git.push", Payloads.Push("Architecture", oldCommit: "c1", newCommit: "c2"), id: "push-1");

        const string Items = "/contoso/" + FakeAzureDevOps.DefaultProjectId + "/_apis/git/repositories/r-Architecture/items?path=%2Fanatomy.yml";
        Assert.Equal(
            [
                $"GET {Items}&versionDescriptor.version=c2&versionDescriptor.versionType=commit&api-version=7.1",
                $"GET {Items}&versionDescriptor.version=c1&versionDescriptor.versionType=commit&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Epic/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Feature/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User%20Story/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Product%20Backlog%20Item/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Requirement/states?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            ],
            Fake.Requests.Select(r => r.ToString()));
        Assert.Empty(Fake.Writes);
        Assert.Equal(0, result.Writes);
        Assert.Equal(10, result.ApiCalls);
        Assert.Contains("2 work item(s) and 1 pull request(s) queued", result.Skipped, StringComparison.Ordinal);

        var version = Version(V2);
        Assert.Equal(["anatomy:push-1:workitems:0001", "anatomy:push-1:pullrequests:0001"], _host.Scheduler.Queued.Select(q => q.Delivery.Id));
        Assert.All(_host.Scheduler.Queued, q =>
        {
            Assert.Equal(TimeSpan.Zero, q.Delay);
            Assert.Equal("anatomybot.reconcile", q.Delivery.EventName);
            Assert.Equal(Platforms.AzureDevOps, q.Delivery.Platform);
            Assert.Equal(version, (string?)JsonNode.Parse(q.Delivery.Body)!["resource"]!["anatomyVersion"]);
        });
        var workItems = JsonNode.Parse(_host.Scheduler.Queued[0].Delivery.Body)!["resource"]!;
        Assert.Equal([1, 3], workItems["workItemIds"]!.AsArray().Select(n => (int)n!));
        var pullRequests = JsonNode.Parse(_host.Scheduler.Queued[1].Delivery.Body)!["resource"]!["pullRequests"]!.AsArray();
        Assert.Equal(
            (FakeAzureDevOps.DefaultProjectId, FakeAzureDevOps.DefaultRepositoryId, 7),
            ((string)pullRequests.Single()!["project"]!, (string)pullRequests.Single()!["repositoryId"]!, (int)pullRequests.Single()!["pullRequestId"]!));
    }

    [Fact]
    public async Task QueuedReevaluation_MakesTagsAndPrStatusFollowTheNewAnatomy_AndAnotherInstanceReadsThatVersion()
    {
        await Deliver("workitem.updated", Payloads.WorkItemUpdated(3));
        var before = TagList.Parse(Fake.WorkItems[3].Tags);
        await Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 7));
        var pr = Fake.PullRequests[0];
        var statusBefore = pr.Statuses[^1];
        var threadBefore = pr.Threads.Single().Status;
        Anatomy.Files["/anatomy.yml"] = V2;
        await Deliver("git.push", Payloads.Push("Architecture", oldCommit: "c1", newCommit: "c2"));

        // A second instance still holding V1 in its cache: the pinned version makes it read V2 before evaluating.
        using var other = new TestHost(realAnatomy: true);
        other.Anatomy.Files["/anatomy.yml"] = V1;
        await other.Get<AnatomyBot.AzureDevOps.Anatomy.IAnatomyProvider>().GetAsync(null, CancellationToken.None);
        other.Anatomy.Files["/anatomy.yml"] = V2;
        foreach (var (key, item) in Fake.WorkItems)
        {
            other.Fake.WorkItems[key] = item;
        }

        other.Fake.PullRequests.AddRange(Fake.PullRequests);
        foreach (var (queued, _) in _host.Scheduler.Queued)
        {
            await other.Get<IDeliveryHandler>().HandleAsync(queued, CancellationToken.None);
        }

        Assert.Equal(["team:blue", "anatomy:no-component", "anatomy:no-stage", "anatomy:unknown-ref"], before);
        Assert.Equal(("failed", "active"), (statusBefore.State, threadBefore));
        Assert.Equal(["team:blue"], TagList.Parse(Fake.WorkItems[3].Tags));
        Assert.Equal(("succeeded", 2), (pr.Statuses[^1].State, pr.Statuses[^1].IterationId));
        // The second instance does not know its identity until it has created a thread: it writes one, finds its own
        // older thread and keeps that (the new one's comment is deleted).
        Assert.Equal("fixed", pr.Threads.Single(t => t.Comments.Any(c => !c.IsDeleted)).Status);
        Assert.Null(Fake.WorkItems[4].Tags);
        Assert.Null(Fake.WorkItems[5].Tags);
        Assert.Equal(Version(V2), other.Get<AnatomyBot.AzureDevOps.Anatomy.IAnatomyProvider>().CachedVersion);
        Assert.Equal(2, other.Fake.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/items", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PushNotTouchingTheAnatomyFile_TwoObjectIdReads_NothingQueued()
    {
        var result = await Deliver("git.push", Payloads.Push("Architecture", oldCommit: "c2", newCommit: "c3"));

        Assert.Equal(2, Fake.Requests.Count);
        Assert.Empty(_host.Scheduler.Queued);
        Assert.Contains("did not change /anatomy.yml", result.Skipped, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web", "refs/heads/main", "does not hold the anatomy")]
    [InlineData("Architecture", "refs/heads/feature/x", "the anatomy is read from refs/heads/main")]
    public async Task PushElsewhere_CostsNoApiCall(string repository, string refName, string reason)
    {
        var result = await Deliver("git.push", Payloads.Push(repository, refName: refName));

        Assert.Empty(Fake.Requests);
        Assert.Empty(_host.Scheduler.Queued);
        Assert.Contains(reason, result.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredBranch_WinsOverTheDefaultBranch()
    {
        using var host = new TestHost(new() { ["AzureDevOps:Anatomy:Branch"] = "architecture" }, realAnatomy: true);

        var handler = host.Get<IDeliveryHandler>();
        var main = await handler.HandleAsync(Push("refs/heads/main"), CancellationToken.None);

        Assert.Contains("read from refs/heads/architecture", main.Skipped, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Requests);

        static Delivery Push(string refName) => new()
        {
            Platform = Platforms.AzureDevOps, Id = "p", EventName = "git.push", Body = Payloads.Push("Architecture", refName: refName), ReceivedAt = DateTimeOffset.UnixEpoch,
        };
    }

    [Fact]
    public async Task PushMakingTheAnatomyInvalid_ReevaluatesNothing_AndSaysWhy()
    {
        Anatomy.Commits["c9"] = new() { ["/anatomy.yml"] = "version: 1\noutcomes: [ {" };
        Anatomy.Files["/anatomy.yml"] = "version: 1\noutcomes: [ {";

        var result = await Deliver("git.push", Payloads.Push("Architecture", oldCommit: "c1", newCommit: "c9"));

        Assert.Contains("cannot be used", result.Skipped, StringComparison.Ordinal);
        Assert.Empty(_host.Scheduler.Queued);
        Assert.Empty(Fake.Writes);
        Assert.Contains(_host.Logs.Collector.GetSnapshot(), l => l.Message.Contains("cannot be used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnatomyOnGitHub_AzureReposPushesNeverReevaluate()
    {
        // The GitHub reader the host wires in; an Azure Repos push must not read it.
        var gitHub = new Mock<IAnatomyFileSource>(MockBehavior.Strict);
        using var host = new TestHost(
            new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/Architecture" },
            services => services.AddKeyedSingleton(AnatomySourceKind.GitHub, gitHub.Object),
            realAnatomy: true);

        var result = await host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = "p", EventName = "git.push", Body = Payloads.Push("Architecture"), ReceivedAt = DateTimeOffset.UnixEpoch },
            CancellationToken.None);

        Assert.Contains("does not hold the anatomy", result.Skipped, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Requests);
    }

    private static string Version(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
