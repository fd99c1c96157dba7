using System.Net;
using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Rest;
using Microsoft.Extensions.DependencyInjection;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Rest;

public sealed class AzureDevOpsClientTests : IDisposable
{
    private readonly TestHost _host = new();

    private AzureDevOpsClient Client => _host.Get<AzureDevOpsClient>();

    private FakeAzureDevOps Fake => _host.Fake;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GetWorkItems_450Ids_ThreeBatchesOfAtMost200_WithRelationsAndApiVersion()
    {
        for (var id = 1; id <= 450; id++)
        {
            Fake.Add(new FakeWorkItem { Id = id });
        }

        var items = await Client.GetWorkItemsAsync([.. Enumerable.Range(1, 450)], CancellationToken.None);

        Assert.Equal(450, items.Count);
        Assert.Equal(3, Fake.Requests.Count);
        Assert.All(Fake.Requests, r =>
        {
            Assert.Equal(HttpMethod.Post, r.Method);
            Assert.Equal("/contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1", r.PathAndQuery);
            var body = JsonNode.Parse(r.Body)!;
            Assert.Equal("relations", (string)body["$expand"]!);
            Assert.Equal("omit", (string)body["errorPolicy"]!);
        });
        Assert.Equal([200, 200, 50], Fake.Requests.Select(r => JsonNode.Parse(r.Body)!["ids"]!.AsArray().Count));
    }

    [Fact]
    public async Task GetWorkItems_DeletedIdsAreAbsent()
    {
        Fake.Add(new FakeWorkItem { Id = 1 });

        var items = await Client.GetWorkItemsAsync([1, 2], CancellationToken.None);

        Assert.Equal([1], items.Select(i => i.Id));
    }

    [Fact]
    public async Task UpdateTags_SendsJsonPatchWithRevTestAndAddOnTags()
    {
        Fake.Add(new FakeWorkItem { Id = 7, Rev = 4 });

        var outcome = await Client.UpdateTagsAsync(7, 4, "team:a; anatomy:no-stage", CancellationToken.None);

        Assert.Equal(TagUpdateOutcome.Updated, outcome);
        var request = Assert.Single(Fake.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/contoso/Fabrikam/_apis/wit/workitems/7?api-version=7.1", request.PathAndQuery);
        Assert.Equal("application/json-patch+json", request.ContentType);
        Assert.Equal(
            """[{"op":"test","path":"/rev","value":4},{"op":"add","path":"/fields/System.Tags","value":"team:a; anatomy:no-stage"}]""",
            request.Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task UpdateTags_RevChanged_ReportsConflictWithoutRetryingTheStaleWrite(HttpStatusCode status)
    {
        Fake.Add(new FakeWorkItem { Id = 7, Rev = 4 });
        Fake.Queue(HttpMethod.Patch, "workitems/7$", () => FakeAzureDevOps.Status(status));

        var outcome = await Client.UpdateTagsAsync(7, 4, "x", CancellationToken.None);

        Assert.Equal(TagUpdateOutcome.Conflict, outcome);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task GetPullRequest_Missing_ReturnsNull()
    {
        Assert.Null(await Client.GetPullRequestAsync(new PullRequestRef(FakeAzureDevOps.DefaultProjectId, FakeAzureDevOps.DefaultRepositoryId, 99), CancellationToken.None));
        Assert.Equal(
            $"/contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullrequests/99?api-version=7.1",
            Assert.Single(Fake.Requests).PathAndQuery);
    }

    [Fact]
    public async Task CreateThread_PostsOneTextCommentWithStatus()
    {
        Fake.Add(new FakePullRequest { Number = 5 });
        var pr = new PullRequestRef("Fabrikam", "Web", 5);

        var thread = await Client.CreateThreadAsync(pr, "<!-- anatomybot:trace -->\nbody", "active", CancellationToken.None);

        var request = Assert.Single(Fake.Requests);
        Assert.Equal("/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5/threads?api-version=7.1", request.PathAndQuery);
        Assert.Equal("""{"comments":[{"parentCommentId":0,"content":"\u003C!-- anatomybot:trace --\u003E\nbody","commentType":"text"}],"status":"active"}""", request.Body);
        Assert.Equal(thread.Id, Fake.PullRequests[0].Threads.Single().Id);
    }

    [Fact]
    public async Task CreateIterationStatus_PostsStateDescriptionAndContext()
    {
        Fake.Add(new FakePullRequest { Number = 5, Iterations = 3 });

        await Client.CreateIterationStatusAsync(new PullRequestRef("Fabrikam", "Web", 5), 3, "failed", "1 gap", new("anatomybot", "linkage"), CancellationToken.None);

        var request = Assert.Single(Fake.Requests);
        Assert.Equal("/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5/iterations/3/statuses?api-version=7.1", request.PathAndQuery);
        Assert.Equal("""{"state":"failed","description":"1 gap","context":{"genre":"anatomybot","name":"linkage"}}""", request.Body);
    }

    [Fact]
    public async Task GetChangedPaths_FollowsNextSkipAndStripsLeadingSlash()
    {
        Fake.Add(new FakePullRequest { Number = 5, Iterations = 2 });
        Fake.Queue(HttpMethod.Get, "iterations/2/changes$", () => FakeAzureDevOps.Json(JsonNode.Parse(
            """{ "changeEntries": [ { "item": { "path": "/src/b.cs" } }, { "item": { "path": "/src", "isFolder": true } } ], "nextSkip": 1000, "nextTop": 1000 }""")));
        Fake.Queue(HttpMethod.Get, "iterations/2/changes$", () => FakeAzureDevOps.Json(JsonNode.Parse(
            """{ "changeEntries": [ { "item": { "path": "/src/a.cs" } } ] }""")));

        var paths = await Client.GetChangedPathsAsync(new PullRequestRef("Fabrikam", "Web", 5), 2, CancellationToken.None);

        Assert.Equal(["src/a.cs", "src/b.cs"], paths);
        Assert.EndsWith("changes?$top=1000&$skip=0&api-version=7.1", Fake.Requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith("changes?$top=1000&$skip=1000&api-version=7.1", Fake.Requests[1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRequest_CarriesPatAsBasicPasswordWithEmptyUser()
    {
        Fake.Add(new FakeWorkItem { Id = 1 });
        var handler = new CapturingHandler();
        using var host = new TestHost(configure: s => s.AddHttpClient(AzureDevOpsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

        await host.Get<AzureDevOpsClient>().GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal("Basic", handler.Authorization!.Scheme);
        Assert.Equal(":pat-token", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(handler.Authorization.Parameter!)));
    }

    [Fact]
    public async Task Unauthorized_ThrowsApiExceptionWithoutTheToken()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.Unauthorized, "TF400813"));

        var exception = await Assert.ThrowsAsync<AzureDevOpsApiException>(() => Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.DoesNotContain("pat-token", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://tfs.contoso.com/DefaultCollection")]
    [InlineData("https://tfs.contoso.com/DefaultCollection/")]
    public void AzureDevOpsServerCollectionUrl_KeepsTheCollectionInEveryRequest(string organization)
    {
        var uri = AzureDevOpsOperations.GetWorkItem.BuildUri(new Uri(organization), new Dictionary<string, string> { ["project"] = "Fabrikam Web", ["id"] = "7" }, [new("$expand", "relations")]);

        Assert.Equal("https://tfs.contoso.com/DefaultCollection/Fabrikam%20Web/_apis/wit/workitems/7?$expand=relations&api-version=7.1", uri.AbsoluteUri);
    }

    [Fact]
    public async Task QueryWorkItemIds_PostsTheWiqlWithTop()
    {
        Fake.Add(new FakeWorkItem { Id = 3 });

        var ids = await Client.QueryWorkItemIdsAsync("SELECT [System.Id] FROM WorkItems WHERE [System.Id] > 0", 50, CancellationToken.None);

        Assert.Equal([3], ids);
        var request = Assert.Single(Fake.Requests);
        Assert.Equal("/contoso/Fabrikam/_apis/wit/wiql?$top=50&api-version=7.1", request.PathAndQuery);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"query":"SELECT [System.Id] FROM WorkItems WHERE [System.Id] \u003E 0"}""", request.Body);
        Assert.False(request.IsWrite);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public System.Net.Http.Headers.AuthenticationHeaderValue? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization;
            return Task.FromResult(FakeAzureDevOps.Json(JsonNode.Parse("""{ "id": 1, "rev": 1, "fields": {} }""")));
        }
    }
}
