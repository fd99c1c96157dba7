using System.Net;
using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Sweep;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Sweep;

/// <summary>The nightly sweep's <see cref="ISweepSource"/>: WIQL paged by id, pull requests paged by <c>$skip</c>, bounded,
/// behind the rate-limit gate, and deliveries the handler reconciles like a webhook.</summary>
public sealed class SweepSourceTests : IDisposable
{
    private readonly TestHost _host = new();

    /// <summary>The closed states of the backlog types in the fake's Agile process (the last two types it does not have
    /// keep the default names).</summary>
    private static readonly (string, IReadOnlyList<string>)[] Agile =
    [
        ("Epic", ["Closed", "Removed"]),
        ("Feature", ["Closed", "Removed"]),
        ("User Story", ["Closed", "Removed"]),
        ("Product Backlog Item", ["Closed", "Done", "Removed", "Resolved", "Completed"]),
        ("Requirement", ["Closed", "Done", "Removed", "Resolved", "Completed"]),
    ];

    private FakeAzureDevOps Fake => _host.Fake;

    private ISweepSource Source => Assert.Single(_host.Get<IEnumerable<ISweepSource>>());

    public void Dispose() => _host.Dispose();

    private void AddStories(int count, int from = 1)
    {
        for (var id = from; id < from + count; id++)
        {
            Fake.WorkItems[id] = new FakeWorkItem { Id = id, Title = $"Story {id}" };
        }
    }

    private void AddPullRequests(int count, string status = "active")
    {
        for (var number = 1; number <= count; number++)
        {
            Fake.PullRequests.Add(new FakePullRequest { Number = number, Status = status });
        }
    }

    [Fact]
    public async Task Sweep_PagesWiqlById_AndPullRequestsBySkip_IntoSmallDeliveries()
    {
        AddStories(2100);
        Fake.WorkItems[5000] = new FakeWorkItem { Id = 5000, State = "Closed" };
        Fake.WorkItems[5001] = new FakeWorkItem { Id = 5001, Type = "Bug" };
        AddPullRequests(230);
        Fake.PullRequests.Add(new FakePullRequest { Number = 999, Status = "completed" });

        var deliveries = await Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None);

        var wiql = Fake.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(3, wiql.Count);
        Assert.All(wiql, r => Assert.Equal("/contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1", r.PathAndQuery));
        Assert.Equal(
            [OpenItemLister.OpenWorkItemsQuery(0, Agile), OpenItemLister.OpenWorkItemsQuery(1000, Agile), OpenItemLister.OpenWorkItemsQuery(2000, Agile)],
            wiql.Select(r => (string)JsonNode.Parse(r.Body)!["query"]!));
        Assert.Equal(
            [0, 100, 200],
            Fake.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/pullrequests", StringComparison.Ordinal)).Select(r => int.Parse(System.Web.HttpUtility.ParseQueryString(r.Uri.Query)["$skip"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(Fake.Writes);

        Assert.Equal(11 + 23, deliveries.Count);
        Assert.Equal("sweep:2026-11-25T12:00:00Z:workitems:0001", deliveries[0].Id);
        Assert.Equal("sweep:2026-11-25T12:00:00Z:pullrequests:0023", deliveries[^1].Id);
        var ids = deliveries.Take(11).SelectMany(d => JsonNode.Parse(d.Body)!["resource"]!["workItemIds"]!.AsArray().Select(n => (int)n!)).ToList();
        Assert.Equal(Enumerable.Range(1, 2100), ids);
        Assert.All(deliveries.Take(11), d => Assert.True(JsonNode.Parse(d.Body)!["resource"]!["workItemIds"]!.AsArray().Count <= 200));
        Assert.All(deliveries, d => Assert.Null(JsonNode.Parse(d.Body)!["resource"]!["anatomyVersion"]));
        Assert.Equal(230, deliveries.Skip(11).Sum(d => JsonNode.Parse(d.Body)!["resource"]!["pullRequests"]!.AsArray().Count));
    }

    [Fact]
    public void OpenWorkItemsQuery_IsTheProjectsOpenBacklogAboveTheBound()
    {
        Assert.Equal(
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND ("
            + "([System.WorkItemType] = 'Epic' AND [System.State] NOT IN ('Closed', 'Removed'))"
            + " OR ([System.WorkItemType] = 'O''Brien' AND [System.State] NOT IN ('Won''t do'))"
            + " OR ([System.WorkItemType] = 'Idea'))"
            + " AND [System.Id] > 42 ORDER BY [System.Id] ASC",
            OpenItemLister.OpenWorkItemsQuery(42, [("Epic", ["Closed", "Removed"]), ("O'Brien", ["Won't do"]), ("Idea", [])]));
    }

    [Fact]
    public async Task Sweep_LeavesOutStatesOfTheCompletedAndRemovedCategories_ByTheProcessNotTheName()
    {
        Fake.TypeStates["User Story"].Add(("Shipped", "Completed"));
        Fake.TypeStates["User Story"].Add(("Done", "InProgress"));
        Fake.Add(new FakeWorkItem { Id = 1, State = "Shipped" });
        Fake.Add(new FakeWorkItem { Id = 2, State = "Done" });
        Fake.Add(new FakeWorkItem { Id = 3, State = "Removed" });
        Fake.Add(new FakeWorkItem { Id = 4, State = "Active" });

        var first = await Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None);
        var firstRequests = Fake.Requests.Select(r => r.ToString()).ToList();
        var wiql = (string)JsonNode.Parse(Fake.Requests.Single(r => r.Method == HttpMethod.Post).Body)!["query"]!;
        Fake.ClearRequests();
        await Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(
            [
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Epic/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Feature/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User%20Story/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Product%20Backlog%20Item/states?api-version=7.1",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/Requirement/states?api-version=7.1",
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            ],
            firstRequests);
        Assert.Contains("([System.WorkItemType] = 'User Story' AND [System.State] NOT IN ('Closed', 'Removed', 'Shipped'))", wiql, StringComparison.Ordinal);
        Assert.Contains("([System.WorkItemType] = 'Requirement' AND [System.State] NOT IN ('Closed', 'Done', 'Removed', 'Resolved', 'Completed'))", wiql, StringComparison.Ordinal);
        Assert.Equal([2, 4], JsonNode.Parse(Assert.Single(first).Body)!["resource"]!["workItemIds"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/wiql?$top=1000&api-version=7.1",
                "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            ],
            Fake.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Sweep_StopsAtItsBounds_AndSaysSo()
    {
        using var host = new TestHost(new() { ["AzureDevOps:MaxSweepWorkItems"] = "1500", ["AzureDevOps:MaxSweepPullRequests"] = "150" });
        for (var id = 1; id <= 2100; id++)
        {
            host.Fake.WorkItems[id] = new FakeWorkItem { Id = id };
        }

        for (var number = 1; number <= 230; number++)
        {
            host.Fake.PullRequests.Add(new FakePullRequest { Number = number });
        }

        var deliveries = await host.Get<IEnumerable<ISweepSource>>().Single().CreateSweepDeliveriesAsync(host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(
            ["$top=1000", "$top=500"],
            host.Fake.Requests.Where(r => r.Method == HttpMethod.Post).Select(r => r.Uri.Query.Split('&')[0].TrimStart('?')));
        Assert.Equal(2, host.Fake.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/pullrequests", StringComparison.Ordinal)));
        Assert.Equal(1500, deliveries.Sum(d => JsonNode.Parse(d.Body)!["resource"]!["workItemIds"]!.AsArray().Count));
        Assert.Equal(150, deliveries.Sum(d => JsonNode.Parse(d.Body)!["resource"]!["pullRequests"]!.AsArray().Count));
        Assert.Contains(host.Logs.Collector.GetSnapshot(), l => l.Message.Contains("MaxSweepWorkItems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_ThrottledWiql_WaitsForRetryAfterThroughTheSharedGate()
    {
        AddStories(3);
        ThrottleNextWiql(TimeSpan.FromSeconds(4));

        var deliveries = await Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Single(deliveries);
        Assert.Equal([TimeSpan.FromSeconds(4)], _host.Time.Waits);
        Assert.Equal(2, Fake.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task Sweep_LongRetryAfter_FailsTransientlySoTheSweepTriesNextRun()
    {
        AddStories(3);
        ThrottleNextWiql(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None));

        Assert.Single(Fake.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task SweepDeliveries_RepairWhatAMissedHookLeft_AndASecondSweepWritesNothing()
    {
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>", Tags = "Team:Blue" });
        Fake.Add(new FakeWorkItem { Id = 11, Title = "Verify address", Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>", Tags = "anatomy:no-component" });
        var pr = new FakePullRequest { Number = 5, Iterations = 2 };
        pr.WorkItemIds.Add(10);
        Fake.Add(pr);
        var handler = _host.Get<IDeliveryHandler>();

        var first = await RunSweepAsync(handler);
        var writesAfterFirst = Fake.Writes.Count;
        _host.Time.Advance(TimeSpan.FromDays(1));
        var second = await RunSweepAsync(handler);

        Assert.Equal(["Team:Blue", "anatomy:no-component"], TagList.Parse(Fake.WorkItems[10].Tags));
        Assert.Empty(TagList.Parse(Fake.WorkItems[11].Tags));
        Assert.Equal("failed", Assert.Single(pr.Statuses).State);
        Assert.Single(pr.Threads);
        Assert.Single(Fake.WorkItems[10].Comments);
        Assert.Empty(Fake.WorkItems[11].Comments);
        Assert.Equal(5, first.Sum(r => r.Writes));
        Assert.Equal(5, writesAfterFirst);
        Assert.Equal(0, second.Sum(r => r.Writes));
        Assert.Equal(["10", "11", "Fabrikam/Web!5"], first.SelectMany(r => r.Evaluations).Select(e => e.Item.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReconcileEventType_IsNeverAcceptedFromAServiceHook()
    {
        var ingress = Assert.Single(_host.Get<IEnumerable<IWebhookIngress>>());
        var delivery = ReconcileDeliveries.Create("x", new OpenItemListing([1], [], false), null, DateTimeOffset.UnixEpoch).Single();
        var asIs = System.Text.Encoding.UTF8.GetBytes(delivery.Body);
        var withPlatformId = System.Text.Encoding.UTF8.GetBytes(delivery.Body.Replace(delivery.Id, "5f1e2d3c-0000-4000-8000-000000000009", StringComparison.Ordinal));

        var synthetic = ingress.Accept(Payloads.Basic(TestHost.Secret), asIs, DateTimeOffset.UnixEpoch);
        var result = ingress.Accept(Payloads.Basic(TestHost.Secret), withPlatformId, DateTimeOffset.UnixEpoch);

        Assert.Equal((400, null), (synthetic.StatusCode, synthetic.Delivery));
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Delivery);
    }

    [Theory]
    [InlineData("""{ "id": "x", "eventType": "anatomybot.reconcile", "resource": { "workItemIds": [] } }""")]
    [InlineData("""{ "id": "x", "eventType": "anatomybot.reconcile", "resource": { "workItemIds": ["a", -3], "pullRequests": [ { "project": "p" } ] } }""")]
    public async Task MalformedReconcileDelivery_IsSkippedWithoutApiCalls(string body)
    {
        var result = await _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = "x", EventName = "anatomybot.reconcile", Body = body, ReceivedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);

        Assert.NotNull(result.Skipped);
        Assert.Empty(Fake.Requests);
    }

    private void ThrottleNextWiql(TimeSpan retryAfter) => Fake.Queue(HttpMethod.Post, "wiql$", () =>
    {
        var throttled = FakeAzureDevOps.Status(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return throttled;
    });

    private async Task<List<DeliveryResult>> RunSweepAsync(IDeliveryHandler handler)
    {
        var results = new List<DeliveryResult>();
        foreach (var delivery in await Source.CreateSweepDeliveriesAsync(_host.Time.GetUtcNow(), CancellationToken.None))
        {
            results.Add(await handler.HandleAsync(delivery, CancellationToken.None));
        }

        return results;
    }
}
