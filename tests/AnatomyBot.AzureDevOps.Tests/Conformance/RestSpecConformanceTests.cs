using System.Text.Json;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Conformance;

/// <summary>Every operation the client can call exists in the published 7.1 REST specification with the same method,
/// path template (optional segments, <c>x-ms-required: false</c>, may be left out), operation id (the name) and
/// api-version; and every request the handler actually sent in an end-to-end run is one of those
/// operations.</summary>
public sealed class RestSpecConformanceTests
{
    private static readonly Lazy<IReadOnlyList<SpecOperation>> Spec = new(Load);

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
        if (Spec.Value.Count == 0)
        {
            return;
        }

        var operation = AzureDevOpsOperations.All.Single(o => o.Name == name);
        var path = "/{organization}/" + operation.PathTemplate;
        var match = Spec.Value.Where(s => string.Equals(s.Path, path, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Method, operation.Method.Method, StringComparison.OrdinalIgnoreCase)
            && s.OperationId == operation.Name).ToList();

        var found = Assert.Single(match);
        Assert.Contains(operation.ApiVersion, found.ApiVersions);
    }

    [Theory]
    [InlineData("PATCH", "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/iterations/{iterationId}/changes", "7.1")]
    [InlineData("POST", "{project}/_apis/wit/workitemsbatch", "7.2")]
    [InlineData("DELETE", "{project}/_apis/wit/wiql", "7.1")]
    [InlineData("POST", "{project}/{team}/_apis/wit/wiqlx", "7.1")]
    public void SpecCheck_RejectsAnOperationTheSpecDoesNotDefine(string method, string template, string version)
    {
        if (Spec.Value.Count == 0)
        {
            return;
        }

        var matches = Spec.Value.Where(s => string.Equals(s.Path, "/{organization}/" + template, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Method, method, StringComparison.OrdinalIgnoreCase) && s.ApiVersions.Contains(version));

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

    private static List<SpecOperation> Load()
    {
        var operations = new List<SpecOperation>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var file in ConformanceCorpus.Files("rest-specs/wit/7.1", "*.json").Concat(ConformanceCorpus.Files("rest-specs/git/7.1", "*.json")))
        {
            // The spec files start with a UTF-8 byte-order mark: JsonDocument rejects it in bytes, File.ReadAllText strips it.
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var versions = root.GetProperty("parameters").EnumerateObject()
                .ToDictionary(p => "#/parameters/" + p.Name, p => Version(p.Value.GetProperty("description").GetString()));
            // AutoRest's x-ms-paths holds operations whose path differs from another's only by a query (Items_Get).
            var paths = root.GetProperty("paths").EnumerateObject()
                .Concat(root.TryGetProperty("x-ms-paths", out var extra) ? extra.EnumerateObject() : Enumerable.Empty<JsonProperty>());
            foreach (var path in paths)
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("parameters", out _)))
                {
                    var apiVersions = method.Value.GetProperty("parameters").EnumerateArray()
                        .Where(p => p.TryGetProperty("$ref", out _))
                        .Select(p => versions.GetValueOrDefault(p.GetProperty("$ref").GetString()!))
                        .OfType<string>().ToList();
                    // "…/items?path={path}" (Items_Get) shares its path with Items_List: the query part is no path segment.
                    var operationId = method.Value.TryGetProperty("operationId", out var id) ? id.GetString() ?? "" : "";
                    var template = path.Name.Split('?')[0];
                    foreach (var variant in Variants(template, OptionalPathParameters(method.Value)).Where(v => seen.Add((method.Name.ToUpperInvariant(), v, operationId))))
                    {
                        operations.Add(new SpecOperation(method.Name.ToUpperInvariant(), variant, apiVersions, operationId));
                    }
                }
            }
        }

        return operations;
    }

    /// <summary>Path parameters the specification marks <c>x-ms-required: false</c> (e.g. WIQL's <c>{team}</c>): Azure DevOps
    /// routes accept the path without that segment.</summary>
    private static List<string> OptionalPathParameters(JsonElement method) =>
        [.. method.GetProperty("parameters").EnumerateArray()
            .Where(p => p.TryGetProperty("in", out var where) && where.GetString() == "path"
                && p.TryGetProperty("x-ms-required", out var required) && required.ValueKind == JsonValueKind.False)
            .Select(p => p.GetProperty("name").GetString()!)];

    /// <summary>The path as written, and without every combination of its optional segments.</summary>
    private static IEnumerable<string> Variants(string path, List<string> optional)
    {
        for (var mask = 0; mask < 1 << optional.Count; mask++)
        {
            var variant = path;
            for (var i = 0; i < optional.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    variant = variant.Replace("/{" + optional[i] + "}", "", StringComparison.Ordinal);
                }
            }

            yield return variant;
        }
    }

    /// <summary>"This should be set to '7.1' to use this version of the api." → 7.1</summary>
    private static string? Version(string? description)
    {
        if (description is null || description.IndexOf("set to '", StringComparison.Ordinal) is var start && start < 0)
        {
            return null;
        }

        return description[(start + 8)..description.IndexOf('\'', start + 8)];
    }

    private sealed record SpecOperation(string Method, string Path, IReadOnlyList<string> ApiVersions, string OperationId);
}
