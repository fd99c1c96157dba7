using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Fakes.Tests.AzureDevOps;

/// <summary>The fake answers as Azure DevOps does: api-version 7.1 required, project and repository by name or id,
/// envelopes, the JSON Patch <c>test /rev</c> guard, TF error bodies.</summary>
public sealed class FakeAzureDevOpsTests : IDisposable
{
    private readonly FakeAzureDevOps _fake = new();
    private readonly HttpClient _http;

    public FakeAzureDevOpsTests() => _http = new HttpClient(_fake, disposeHandler: false) { BaseAddress = new Uri(FakeAzureDevOps.DefaultOrganizationUrl) };

    public void Dispose()
    {
        _http.Dispose();
        _fake.AssertAllServed();
        _fake.Dispose();
    }

    [Theory]
    [InlineData("Fabrikam/_apis/wit/workitems/1?api-version=7.1", HttpStatusCode.OK)]
    [InlineData(FakeAzureDevOps.DefaultProjectId + "/_apis/wit/workItems/1?api-version=7.1", HttpStatusCode.OK)]
    [InlineData("Fabrikam/_apis/wit/workitems/1?api-version=7.0", HttpStatusCode.BadRequest)]
    [InlineData("Fabrikam/_apis/wit/workitems/1", HttpStatusCode.BadRequest)]
    [InlineData("Other/_apis/wit/workitems/1?api-version=7.1", HttpStatusCode.NotFound)]
    [InlineData("Fabrikam/_apis/wit/workitems/2?api-version=7.1", HttpStatusCode.NotFound)]
    public async Task GetWorkItem_ProjectByNameOrIdAndApiVersion71_OtherwiseAnError(string path, HttpStatusCode expected)
    {
        _fake.Add(new FakeWorkItem { Id = 1 });

        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.StartsWith(expected == HttpStatusCode.BadRequest ? "VS403446" : "TF", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetWorkItem_ChildrenAndLinkedPullRequests_AreRelations()
    {
        _fake.Add(new FakeWorkItem { Id = 1, Type = "Epic" });
        _fake.Add(new FakeWorkItem { Id = 2, Parent = 1 });
        var pr = new FakePullRequest { Number = 5 };
        pr.WorkItemIds.Add(1);
        _fake.Add(pr);

        var item = await _http.GetFromJsonAsync<JsonObject>(new Uri("Fabrikam/_apis/wit/workitems/1?$expand=relations&api-version=7.1", UriKind.Relative));

        Assert.Equal(
            ["System.LinkTypes.Hierarchy-Forward https://dev.azure.com/contoso/" + FakeAzureDevOps.DefaultProjectId + "/_apis/wit/workItems/2",
             $"ArtifactLink vstfs:///Git/PullRequestId/{FakeAzureDevOps.DefaultProjectId}%2F{FakeAzureDevOps.DefaultRepositoryId}%2F5"],
            item!["relations"]!.AsArray().Select(r => $"{r!["rel"]} {r["url"]}"));
    }

    [Fact]
    public async Task PatchWorkItem_StaleRevTest_Is412AndChangesNothing()
    {
        var item = _fake.Add(new FakeWorkItem { Id = 7, Rev = 4, Tags = "a" });

        using var stale = await Patch(7, """[{"op":"test","path":"/rev","value":3},{"op":"add","path":"/fields/System.Tags","value":"b"}]""");
        using var fresh = await Patch(7, """[{"op":"test","path":"/rev","value":4},{"op":"add","path":"/fields/System.Tags","value":"b"}]""");

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.OK), (stale.StatusCode, fresh.StatusCode));
        Assert.Equal(("b", 5), (item.Tags, item.Rev));
        Assert.Equal(2, _fake.Writes.Count);
    }

    [Fact]
    public async Task WorkItemsBatch_IsAReadInAnEnvelopeWithNullForMissingIds_AndRefusesMoreThan200()
    {
        _fake.Add(new FakeWorkItem { Id = 1 });

        using var batch = await _http.PostAsJsonAsync(new Uri("Fabrikam/_apis/wit/workitemsbatch?api-version=7.1", UriKind.Relative), new { ids = new[] { 1, 2 } });
        using var tooMany = await _http.PostAsJsonAsync(new Uri("Fabrikam/_apis/wit/workitemsbatch?api-version=7.1", UriKind.Relative), new { ids = Enumerable.Range(1, 201) });

        var envelope = await batch.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, (int)envelope!["count"]!);
        Assert.Null(envelope["value"]![1]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Empty(_fake.Writes);
    }

    [Fact]
    public async Task PullRequest_ByRepositoryNameOrId_ThreadsAndStatusesChangeIt()
    {
        var pr = _fake.Add(new FakePullRequest { Number = 5, Iterations = 2 });
        const string ByName = "Fabrikam/_apis/git/repositories/Web/pullRequests/5";
        const string ById = "Fabrikam/_apis/git/repositories/" + FakeAzureDevOps.DefaultRepositoryId + "/pullrequests/5";

        var got = await _http.GetFromJsonAsync<JsonObject>(new Uri(ById + "?api-version=7.1", UriKind.Relative));
        using var thread = await _http.PostAsJsonAsync(new Uri(ByName + "/threads?api-version=7.1", UriKind.Relative), new { status = "active", comments = new[] { new { content = "hi" } } });
        using var status = await _http.PostAsJsonAsync(new Uri(ByName + "/iterations/2/statuses?api-version=7.1", UriKind.Relative), new { state = "failed", context = new { genre = "anatomybot", name = "linkage" } });
        using var missing = await _http.GetAsync(new Uri("Fabrikam/_apis/git/repositories/Web/pullRequests/6?api-version=7.1", UriKind.Relative));

        Assert.Equal(("Web", 5), ((string?)got!["repository"]!["name"], (int)got["pullRequestId"]!));
        Assert.Equal("hi", Assert.Single(pr.Threads).Comments.Single().Content);
        Assert.Equal(("failed", 2), (Assert.Single(pr.Statuses).State, pr.Statuses[0].IterationId));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Items_AtACommitOrTheDefaultBranch_ContentOnlyWhenAsked()
    {
        var repository = _fake.Repository("Architecture");
        repository.Files["/anatomy.yml"] = "v2";
        repository.Commits["c1"] = new() { ["/anatomy.yml"] = "v1" };

        var current = await _http.GetFromJsonAsync<JsonObject>(new Uri("Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1", UriKind.Relative));
        var atCommit = await _http.GetFromJsonAsync<JsonObject>(new Uri("Fabrikam/_apis/git/repositories/r-Architecture/items?path=%2Fanatomy.yml&versionDescriptor.version=c1&versionDescriptor.versionType=commit&api-version=7.1", UriKind.Relative));

        Assert.Equal("v2", (string?)current!["content"]);
        Assert.False(atCommit!.ContainsKey("content"));
        Assert.NotEqual((string?)current["objectId"], (string?)atCommit["objectId"]);
    }

    private Task<HttpResponseMessage> Patch(int id, string body) =>
        _http.PatchAsync(new Uri($"Fabrikam/_apis/wit/workitems/{id}?api-version=7.1", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json-patch+json"));
}
