using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes;

/// <summary>A request as a route sees it: the route's parameter values, the query, the headers and the body.</summary>
public sealed class FakeRequest
{
    private readonly Lazy<JsonNode?> _json;

    internal FakeRequest(HttpRequestMessage message, IReadOnlyDictionary<string, string> routeValues, IReadOnlyDictionary<string, string> query, string body)
    {
        Message = message;
        RouteValues = routeValues;
        Query = query;
        Body = body;
        _json = new Lazy<JsonNode?>(() => Body.Length == 0 ? null : JsonNode.Parse(Body));
    }

    public HttpRequestMessage Message { get; }

    public HttpRequestHeaders Headers => Message.Headers;

    public Uri Uri => Message.RequestUri!;

    public IReadOnlyDictionary<string, string> RouteValues { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public string Body { get; }

    /// <summary>The body parsed as JSON; null when there is none.</summary>
    public JsonNode? Json => _json.Value;

    public string Route(string name) => RouteValues[name];

    /// <summary>A route parameter as a number; null when it is not one (the platform then answers 404).</summary>
    public long? Number(string name) =>
        long.TryParse(RouteValues[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    public int? QueryNumber(string name) =>
        int.TryParse(QueryValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A string member of the JSON body, or null.</summary>
    public string? Field(string name) => Json is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
