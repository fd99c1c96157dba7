using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.AzureDevOps.Tests.Conformance;

/// <summary>Every operation the client can call exists in the published 7.1 REST specification with the same method,
/// path template (optional segments, <c>x-ms-required: false</c>, may be left out), operation id (the name) and
/// api-version; and every request the handler actually sent in an end-to-end run is one of those operations (and, through
/// the test host, conforms to the specification).</summary>
public sealed class RestSpecConformanceTests
{
    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in AzureDevOpsOperations.All)
        {
            data.Add(operation.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void ClientOperation_IsDefinedByThePublishedSpec(string name)
    {
        var spec = AzureDevOpsDescription.Current;
        Assert.SkipWhen(spec is null, "The conformance corpus is not in this checkout.");
        var operation = AzureDevOpsOperations.All.Single(o => o.Name == name);

        var found = Assert.Single(spec.FindAll(operation.Method.Method, "/{organization}/" + operation.PathTemplate), s => s.Id == operation.Name);

        Assert.Contains(operation.ApiVersion, spec.ApiVersionsOf(found));
    }

    [Theory]
    [InlineData("PATCH", "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/iterations/{iterationId}/changes", "7.1")]
    [InlineData("POST", "{project}/_apis/wit/workitemsbatch", "7.2")]
    [InlineData("DELETE", "{project}/_apis/wit/wiql", "7.1")]
    [InlineData("POST", "{project}/{team}/_apis/wit/wiqlx", "7.1")]
    public void SpecCheck_RejectsAnOperationTheSpecDoesNotDefine(string method, string template, string version)
    {
        var spec = AzureDevOpsDescription.Current;
        Assert.SkipWhen(spec is null, "The conformance corpus is not in this checkout.");

        var matches = spec.FindAll(method, "/{organization}/" + template).Where(o => spec.ApiVersionsOf(o).Contains(version));

        Assert.Empty(matches);
    }

    [Fact]
    public async Task EveryRequestSentEndToEnd_MatchesAClientOperation()
    {
        using var host = new TestHost(realAnatomy: true);
        host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true);
        host.Anatomy.Commits["c1"] = new() { ["/anatomy.yml"] = TestAnatomy.Yaml() };
        host.Anatomy.Commits["c2"] = new() { ["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true) };
        host.Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan", Description = "<p>Stage: S-VERIFY</p>" });
        var pr = new FakePullRequest { Number = 5, Iterations = 1 };
        pr.WorkItemIds.Add(20);
        host.Fake.Add(pr);
        var handler = host.Get<AnatomyBot.Core.Pipeline.IDeliveryHandler>();
        var events = new[]
        {
            ("git.pullrequest.created", Payloads.PullRequest("git.pullrequest.created", 5)),
            ("workitem.updated", Payloads.WorkItemUpdated(20)),
            ("git.push", Payloads.Push("Architecture", oldCommit: "c1", newCommit: "c2")),
        };
        foreach (var (eventType, body) in events)
        {
            await handler.HandleAsync(new() { Platform = "azure-devops", Id = eventType, EventName = eventType, Body = body, ReceivedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        }

        var sweep = await host.Get<IEnumerable<AnatomyBot.Core.Pipeline.ISweepSource>>().Single().CreateSweepDeliveriesAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        foreach (var queued in host.Scheduler.Queued.Select(q => q.Delivery).Concat(sweep))
        {
            await handler.HandleAsync(queued, CancellationToken.None);
        }

        Assert.NotEmpty(host.Fake.Writes);
        Assert.NotEmpty(host.Scheduler.Queued);
        Assert.Contains(host.Fake.Requests, r => r.Uri.AbsolutePath.EndsWith("/wiql", StringComparison.Ordinal));
        Assert.Contains(host.Fake.Requests, r => r.Uri.AbsolutePath.EndsWith("/_apis/git/pullrequests", StringComparison.Ordinal));
        foreach (var request in host.Fake.Requests)
        {
            Assert.Contains(AzureDevOpsOperations.All, o => o.Method == request.Method && Matches(o, request.Uri));
        }
    }

    private static bool Matches(ApiOperation operation, Uri uri)
    {
        var template = operation.PathTemplate.Split('/');
        var path = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        return template.Length == path.Length
            && template.Zip(path).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase))
            && uri.Query.Contains("api-version=" + operation.ApiVersion, StringComparison.Ordinal);
    }
}
