using System.Text.Json;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Tests.Fakes;

namespace AnatomyBot.AzureDevOps.Tests.Conformance;

/// <summary>Every operation the client can call exists in the published 7.1 REST specification with the same method,
/// path template and api-version; and every request the handler actually sent in an end-to-end run is one of those
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
        var match = Spec.Value.Where(s => string.Equals(s.Path, path, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Method, operation.Method.Method, StringComparison.OrdinalIgnoreCase)).ToList();

        var found = Assert.Single(match);
        Assert.Contains(operation.ApiVersion, found.ApiVersions);
    }

    [Theory]
    [InlineData("PATCH", "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/iterations/{iterationId}/changes", "7.1")]
    [InlineData("POST", "{project}/_apis/wit/workitemsbatch", "7.2")]
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
        using var host = new TestHost();
        host.Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan", Description = "<p>Stage: S-VERIFY</p>" });
        var pr = new FakePullRequest { Number = 5, Iterations = 1 };
        pr.WorkItemIds.Add(20);
        host.Fake.Add(pr);
        var handler = host.Get<AnatomyBot.Core.Pipeline.IDeliveryHandler>();
        foreach (var (eventType, body) in new[] { ("git.pullrequest.created", Payloads.PullRequest("git.pullrequest.created", 5)), ("workitem.updated", Payloads.WorkItemUpdated(20)) })
        {
            await handler.HandleAsync(new() { Platform = "azure-devops", Id = eventType, EventName = eventType, Body = body, ReceivedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        }

        Assert.NotEmpty(host.Fake.Writes);
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
        foreach (var file in ConformanceCorpus.Files("rest-specs/wit/7.1", "*.json").Concat(ConformanceCorpus.Files("rest-specs/git/7.1", "*.json")))
        {
            // The spec files start with a UTF-8 byte-order mark: JsonDocument rejects it in bytes, File.ReadAllText strips it.
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var versions = root.GetProperty("parameters").EnumerateObject()
                .ToDictionary(p => "#/parameters/" + p.Name, p => Version(p.Value.GetProperty("description").GetString()));
            foreach (var path in root.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("parameters", out _)))
                {
                    var apiVersions = method.Value.GetProperty("parameters").EnumerateArray()
                        .Where(p => p.TryGetProperty("$ref", out _))
                        .Select(p => versions.GetValueOrDefault(p.GetProperty("$ref").GetString()!))
                        .OfType<string>().ToList();
                    operations.Add(new SpecOperation(method.Name.ToUpperInvariant(), path.Name, apiVersions));
                }
            }
        }

        return operations;
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

    private sealed record SpecOperation(string Method, string Path, IReadOnlyList<string> ApiVersions);
}
