using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.AzureDevOps.Tests.Fakes;

/// <summary>An in-memory Azure DevOps organisation answering the REST calls the bot makes. Every request is recorded; a
/// request no route knows throws, so an unexpected call fails the test. Canned answers (429, 503, 412…) can be queued
/// in front of the routes.</summary>
internal sealed partial class FakeAzureDevOps : HttpMessageHandler
{
    public const string Organization = "https://dev.azure.com/contoso/";
    public const string Project = "Fabrikam";
    public const string ProjectId = "00aa00aa-bb11-cc22-dd33-44ee44ee44ee";
    public const string RepositoryId = "c2c2c2c2-dddd-eeee-ffff-a3a3a3a3a3a3";

    private readonly Lock _lock = new();
    private readonly List<(HttpMethod Method, Regex Path, Func<HttpResponseMessage> Answer)> _canned = [];
    private int _nextId = 100;

    public Dictionary<int, FakeWorkItem> WorkItems { get; } = [];

    public List<FakePullRequest> PullRequests { get; } = [];

    public Dictionary<string, string> Files { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<RecordedRequest> Requests { get; } = [];

    public IEnumerable<RecordedRequest> Writes => Requests.Where(r => r.IsWrite);

    public FakeWorkItem Add(FakeWorkItem item)
    {
        WorkItems[item.Id] = item;
        if (item.Parent is { } parent && WorkItems.TryGetValue(parent, out var p) && !p.Children.Contains(item.Id))
        {
            p.Children.Add(item.Id);
        }

        return item;
    }

    public FakePullRequest Add(FakePullRequest pr)
    {
        PullRequests.Add(pr);
        foreach (var id in pr.WorkItemIds)
        {
            WorkItems[id].PullRequestLinks.Add((pr.ProjectId, pr.RepositoryId, pr.Number));
        }

        return pr;
    }

    /// <summary>The next request matching <paramref name="method"/> and <paramref name="path"/> gets this answer instead.</summary>
    public void Queue(HttpMethod method, string path, Func<HttpResponseMessage> answer)
    {
        lock (_lock)
        {
            _canned.Add((method, new Regex(path, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)), answer));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        lock (_lock)
        {
            Requests.Add(new RecordedRequest(request.Method, uri, request.Content?.Headers.ContentType?.MediaType, body));
            if (!uri.AbsoluteUri.StartsWith(Organization, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Request outside the organisation: {uri}");
            }

            var path = Uri.UnescapeDataString(uri.AbsolutePath[(new Uri(Organization).AbsolutePath.Length)..]);
            var canned = _canned.FindIndex(c => c.Method == request.Method && c.Path.IsMatch(path));
            if (canned >= 0)
            {
                var answer = _canned[canned].Answer;
                _canned.RemoveAt(canned);
                return answer();
            }

            return Route(request.Method, path, Query(uri), body)
                ?? throw new InvalidOperationException($"Unregistered request: {request.Method} {uri.PathAndQuery}");
        }
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal);

    private int NextId() => ++_nextId;

    internal static HttpResponseMessage Json(JsonNode? node, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json") };

    internal static HttpResponseMessage Status(HttpStatusCode status, string message = "") =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(new { message }), Encoding.UTF8, "application/json") };

    internal static JsonArray List(IEnumerable<JsonNode?> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    internal static JsonObject Envelope(IEnumerable<JsonNode?> values)
    {
        var array = List(values);
        return new JsonObject { ["count"] = array.Count, ["value"] = array };
    }
}
