using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.GitHub.Tests.Conformance;

/// <summary>Replays one scenario of exchanges recorded with the real api.github.com (<c>@octokit/fixtures</c>, in
/// <c>../shared/conformance/github/rest/fixtures</c>) as an HTTP handler: each request must be the next recorded one
/// (method, path and query, JSON body), and is answered with the recorded status, headers and body. A request out of
/// order or beyond the recording is a mismatch, answered 400 so the client fails loudly; <see cref="AssertReplayed"/>
/// fails the test on any mismatch or on a recorded exchange the client never made.</summary>
internal sealed class RecordedGitHub : HttpMessageHandler
{
    /// <summary>Headers that describe the recorded connection rather than the answer: the handler's own content decides them.</summary>
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase) { "connection", "content-length", "transfer-encoding" };

    private readonly Queue<JsonObject> _pending;
    private readonly List<string> _mismatches = [];

    private RecordedGitHub(string scenario, IEnumerable<JsonObject> exchanges)
    {
        Scenario = scenario;
        _pending = new Queue<JsonObject>(exchanges);
        Recorded = _pending.ToList();
    }

    public string Scenario { get; }

    /// <summary>The recording, in the order the client must make its requests.</summary>
    public IReadOnlyList<JsonObject> Recorded { get; }

    /// <summary>The scenario's recording, or null when the conformance corpus is not in this checkout (never under CI).</summary>
    public static RecordedGitHub? Load(string scenario)
    {
        if (ConformanceCorpus.Find($"github/rest/fixtures/{scenario}.json") is not { } path)
        {
            return null;
        }

        var exchanges = JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(e => e!.AsObject());
        return new RecordedGitHub(scenario, exchanges);
    }

    public void AssertReplayed()
    {
        Assert.Empty(_mismatches);
        Assert.True(_pending.Count == 0, $"{Scenario}: {_pending.Count} recorded exchange(s) never requested, the first {Describe(_pending.Count > 0 ? _pending.Peek() : null)}.");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var actual = $"{request.Method.Method} {request.RequestUri!.PathAndQuery}";
        if (!_pending.TryDequeue(out var expected))
        {
            return Mismatch($"{actual}: beyond the recording");
        }

        if (!string.Equals(Describe(expected), actual, StringComparison.OrdinalIgnoreCase))
        {
            return Mismatch($"{actual}: the recording's next request is {Describe(expected)}");
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (expected["body"] is JsonObject or JsonArray && !JsonNode.DeepEquals(expected["body"], body.Length == 0 ? null : JsonNode.Parse(body)))
        {
            return Mismatch($"{actual}: body {body} is not the recorded {expected["body"]!.ToJsonString()}");
        }

        if (expected["body"] is JsonValue && body.Length > 0)
        {
            return Mismatch($"{actual}: body {body} where the recording sent none");
        }

        return Answer(expected);
    }

    private static string Describe(JsonObject? exchange) =>
        exchange is null ? "(none)" : $"{exchange["method"]!.GetValue<string>().ToUpperInvariant()} {exchange["path"]!.GetValue<string>()}";

    private static HttpResponseMessage Answer(JsonObject exchange)
    {
        var response = new HttpResponseMessage((HttpStatusCode)exchange["status"]!.GetValue<int>());
        var content = exchange["response"] switch
        {
            null => "",
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
            var json => json.ToJsonString(),
        };
        response.Content = new StringContent(content, Encoding.UTF8);
        response.Content.Headers.ContentType = null;
        foreach (var (name, value) in exchange["headers"]?.AsObject() ?? [])
        {
            if (ConnectionHeaders.Contains(name) || value is null)
            {
                continue;
            }

            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (!response.Headers.TryAddWithoutValidation(name, text))
            {
                response.Content.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return response;
    }

    private HttpResponseMessage Mismatch(string what)
    {
        _mismatches.Add($"{Scenario}: {what}");
        var message = new JsonObject { ["message"] = $"not in the recording: {what}" }.ToJsonString();
        return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(message, Encoding.UTF8, "application/json") };
    }
}
