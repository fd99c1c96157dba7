using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Projects;

/// <summary>Two configured projects on one organisation, each with its own anatomy (Fabrikam the shared one, Tailspin its
/// own under <c>AzureDevOps:Anatomy:Projects:Tailspin</c>), and a third project, Contoso, that is not configured.</summary>
public sealed class ManyProjectsTests : IDisposable
{
    private const string TailspinId = "11bb11bb-cc22-dd33-ee44-55ff55ff55ff";
    private const string ContosoId = "22cc22cc-dd33-ee44-ff55-66aa66aa66aa";
    private const string ArchitectureId = "a1a1a1a1-0000-4000-8000-000000000001";
    private const string MobileId = "a1a1a1a1-0000-4000-8000-000000000002";
    private const string LegacyId = "a1a1a1a1-0000-4000-8000-000000000003";
    private const string Linked = "<p>Stage: S-SCAN</p><p>Component: C-SCAN</p>";

    private readonly TestHost _host = new(
        new()
        {
            ["AzureDevOps:Project"] = null,
            ["AzureDevOps:Projects:0"] = "Fabrikam",
            ["AzureDevOps:Projects:1"] = "Tailspin",
            ["AzureDevOps:Anatomy:Projects:Tailspin:Repository"] = "TailspinArchitecture",
        },
        realAnatomy: true);

    public ManyProjectsTests()
    {
        Fake.AddProject("Tailspin", TailspinId);
        Fake.AddProject("Contoso", ContosoId);
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        var tailspin = Fake.Repository("TailspinArchitecture", ArchitectureId);
        tailspin.Project = "Tailspin";
        tailspin.Files["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true);
        Fake.Repository("Mobile", MobileId).Project = "Tailspin";
        Fake.Repository("Legacy", LegacyId).Project = "Contoso";
        foreach (var (project, offset) in new[] { ((string?)null, 0), ("Tailspin", 10), ("Contoso", 20) })
        {
            Fake.Add(new FakeWorkItem { Id = offset + 1, Project = project, Type = "Epic", Title = "Onboarding", Description = "<p>Outcome: O-ACT</p>" });
            Fake.Add(new FakeWorkItem { Id = offset + 3, Project = project, Title = "Scan passports", Parent = offset + 1, Description = Linked });
        }

        AddPullRequest(7, "Web", 3);
        AddPullRequest(17, "Mobile", 13);
        AddPullRequest(27, "Legacy", 23);
    }

    private FakeAzureDevOps Fake => _host.Fake;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task WorkItemInEachProject_IsEvaluatedAgainstItsOwnAnatomy()
    {
        await Deliver("workitem.updated", Payloads.WorkItemUpdated(3));
        var fabrikam = Fake.Requests.Where(r => !r.Uri.AbsolutePath.Contains("/comments", StringComparison.Ordinal)).Select(r => r.ToString()).ToList();
        await Deliver("workitem.updated", Payloads.WorkItemUpdated(13));
        var tailspin = Fake.Requests.Where(r => !r.Uri.AbsolutePath.Contains("/comments", StringComparison.Ordinal)).Select(r => r.ToString()).ToList();

        // Fabrikam's anatomy has no S-SCAN or C-SCAN; Tailspin's has both. Each story's pull request is re-checked with it.
        Assert.Equal(["anatomy:no-component", "anatomy:no-stage", "anatomy:unknown-ref"], TagList.Parse(Fake.WorkItems[3].Tags));
        Assert.Empty(TagList.Parse(Fake.WorkItems[13].Tags));
        Assert.Equal(("failed", "succeeded"), (Fake.PullRequest(7).Statuses[^1].State, Fake.PullRequest(17).Statuses[^1].State));
        const string Fabrikam = FakeAzureDevOps.DefaultProjectId + "/_apis/git/repositories/" + FakeAzureDevOps.DefaultRepositoryId;
        const string Tailspin = TailspinId + "/_apis/git/repositories/" + MobileId;
        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullrequests/7?api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullRequests/7/workitems?api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullRequests/7/iterations?api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullRequests/7/iterations/1/changes?$top=1000&$skip=0&api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullRequests/7/threads?api-version=7.1",
                $"GET /contoso/{Fabrikam}/pullRequests/7/iterations/1/statuses?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User%20Story/states?api-version=7.1",
                "PATCH /contoso/Fabrikam/_apis/wit/workitems/3?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/7/threads?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/7/threads?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/7/iterations/1/statuses?api-version=7.1",
            ],
            fabrikam);
        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                $"GET /contoso/{Tailspin}/pullrequests/17?api-version=7.1",
                $"GET /contoso/{Tailspin}/pullRequests/17/workitems?api-version=7.1",
                $"GET /contoso/{Tailspin}/pullRequests/17/iterations?api-version=7.1",
                $"GET /contoso/{Tailspin}/pullRequests/17/iterations/1/changes?$top=1000&$skip=0&api-version=7.1",
                $"GET /contoso/{Tailspin}/pullRequests/17/threads?api-version=7.1",
                $"GET /contoso/{Tailspin}/pullRequests/17/iterations/1/statuses?api-version=7.1",
                "GET /contoso/Tailspin/_apis/git/repositories/TailspinArchitecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1",
                "GET /contoso/Tailspin/_apis/wit/workitemtypes/User%20Story/states?api-version=7.1",
                "POST /contoso/Tailspin/_apis/git/repositories/Mobile/pullRequests/17/threads?api-version=7.1",
                "GET /contoso/Tailspin/_apis/git/repositories/Mobile/pullRequests/17/threads?api-version=7.1",
                "POST /contoso/Tailspin/_apis/git/repositories/Mobile/pullRequests/17/iterations/1/statuses?api-version=7.1",
            ],
            tailspin);
    }

    [Fact]
    public async Task PullRequestInEachProject_IsEvaluatedAgainstItsOwnAnatomy()
    {
        await Deliver("git.pullrequest.updated", PullRequestPayload(7, FakeAzureDevOps.DefaultRepositoryId, FakeAzureDevOps.DefaultProjectId));
        await Deliver("git.pullrequest.updated", PullRequestPayload(17, MobileId, TailspinId));

        Assert.Equal("failed", Fake.PullRequest(7).Statuses[^1].State);
        Assert.Equal("succeeded", Fake.PullRequest(17).Statuses[^1].State);
        Assert.Contains(Fake.Requests, r => r.ToString() == "GET /contoso/Tailspin/_apis/git/repositories/TailspinArchitecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1");
    }

    [Fact]
    public async Task Sweep_ListsEveryConfiguredProject_AndNoOther()
    {
        var deliveries = await Assert.Single(_host.Get<IEnumerable<ISweepSource>>()).CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
                "POST /contoso/Tailspin/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Tailspin/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            ],
            Fake.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/wiql", StringComparison.Ordinal) || r.Uri.AbsolutePath.EndsWith("/pullrequests", StringComparison.Ordinal)).Select(r => r.ToString()));
        Assert.Empty(Fake.Writes);
        Assert.Equal([1, 3, 11, 13], deliveries.SelectMany(d => JsonNode.Parse(d.Body)!["resource"]!["workItemIds"]!.AsArray().Select(n => (int)n!)));
        Assert.Equal(
            [(FakeAzureDevOps.DefaultProjectId, 7), (TailspinId, 17)],
            deliveries.SelectMany(d => JsonNode.Parse(d.Body)!["resource"]!["pullRequests"]!.AsArray().Select(p => ((string)p!["project"]!, (int)p["pullRequestId"]!))));
    }

    [Fact]
    public async Task UnconfiguredProject_GetsNoWrite_FromHooksOrTheSweepsDeliveries()
    {
        var workItem = await Deliver("workitem.updated", Payloads.WorkItemUpdated(23));
        var pullRequest = await Deliver("git.pullrequest.updated", PullRequestPayload(27, LegacyId, ContosoId));
        Assert.Empty(Fake.Writes);

        var sweep = new Delivery
        {
            Platform = Platforms.AzureDevOps,
            Id = "sweep:1",
            EventName = "anatomybot.reconcile",
            Body = """{"id":"sweep:1","eventType":"anatomybot.reconcile","resource":{"workItemIds":[13,23],"pullRequests":[{"project":"22cc22cc-dd33-ee44-ff55-66aa66aa66aa","repositoryId":"a1a1a1a1-0000-4000-8000-000000000003","pullRequestId":27},{"project":"11bb11bb-cc22-dd33-ee44-55ff55ff55ff","repositoryId":"a1a1a1a1-0000-4000-8000-000000000002","pullRequestId":17}]}}""",
            ReceivedAt = _host.Time.GetUtcNow(),
        };
        Fake.Repository("Mobile").Files.Clear();
        var result = await _host.Get<IDeliveryHandler>().HandleAsync(sweep, CancellationToken.None);

        Assert.Contains("project Contoso has no configured anatomy", workItem.Skipped, StringComparison.Ordinal);
        Assert.Contains("project Contoso has no configured anatomy", pullRequest.Skipped, StringComparison.Ordinal);
        Assert.Equal(["13", "17"], result.Evaluations.Select(e => e.Item.Id.Split('!')[^1]).Order(StringComparer.Ordinal));
        Assert.NotEmpty(Fake.Writes);
        Assert.All(Fake.Writes, w => Assert.DoesNotContain(LegacyId, w.ToString(), StringComparison.Ordinal));
        Assert.All(Fake.Writes, w => Assert.DoesNotContain("/workitems/23", w.ToString(), StringComparison.Ordinal));
        Assert.Empty(Fake.PullRequest(27).Statuses);
        Assert.Empty(Fake.PullRequest(27).Threads);
        Assert.Null(Fake.WorkItems[23].Tags);
    }

    [Fact]
    public async Task PushToAProjectsOwnAnatomy_ReevaluatesThatProjectOnly()
    {
        var repository = Fake.Repository("TailspinArchitecture");
        repository.Commits["c1"] = new() { ["/anatomy.yml"] = TestAnatomy.Yaml() };
        repository.Commits["c2"] = new() { ["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true) };

        var result = await Deliver("git.push", $$"""
            { "id": "push-9", "eventType": "git.push",
              "resource": { "refUpdates": [ { "name": "refs/heads/main", "oldObjectId": "c1", "newObjectId": "c2" } ],
                "repository": { "id": "{{ArchitectureId}}", "name": "TailspinArchitecture", "defaultBranch": "refs/heads/main",
                  "project": { "id": "{{TailspinId}}", "name": "Tailspin" } } } }
            """);

        Assert.Contains("2 work item(s) and 1 pull request(s) queued", result.Skipped, StringComparison.Ordinal);
        Assert.Equal(
            [
                "POST /contoso/Tailspin/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Tailspin/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            ],
            Fake.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/wiql", StringComparison.Ordinal) || r.Uri.AbsolutePath.EndsWith("/pullrequests", StringComparison.Ordinal)).Select(r => r.ToString()));
        Assert.Equal([11, 13], _host.Scheduler.Queued.SelectMany(q => JsonNode.Parse(q.Delivery.Body)!["resource"]!["workItemIds"]!.AsArray().Select(n => (int)n!)));
        Assert.Empty(Fake.Writes);
    }

    private void AddPullRequest(int number, string repository, int workItem)
    {
        var pr = new FakePullRequest { Number = number, RepositoryName = repository, Title = "Scanner" };
        pr.WorkItemIds.Add(workItem);
        pr.ChangedPaths.Add("src/scan/reader.cs");
        Fake.Add(pr);
    }

    private static string PullRequestPayload(int number, string repositoryId, string projectId) => $$"""
        { "id": "pr-{{number}}", "eventType": "git.pullrequest.updated",
          "resource": { "pullRequestId": {{number}}, "status": "active",
            "repository": { "id": "{{repositoryId}}", "project": { "id": "{{projectId}}" } } } }
        """;

    private Task<DeliveryResult> Deliver(string eventType, string body)
    {
        Fake.ClearRequests();
        return _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = "n-" + eventType, EventName = eventType, Body = body, ReceivedAt = _host.Time.GetUtcNow() }, CancellationToken.None);
    }
}
