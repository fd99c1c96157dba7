using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes;

/// <summary>What a route answers: a status, a JSON body (none for <c>204</c>/<c>304</c>), or a text body in another media
/// type (a raw file), and headers.</summary>
public sealed class FakeResponse(HttpStatusCode status, JsonNode? body = null)
{
    public HttpStatusCode Status { get; } = status;

    public JsonNode? Body { get; } = body;

    /// <summary>A body that is not JSON (<see cref="MediaType"/> says what it is).</summary>
    public string? Text { get; private init; }

    public string MediaType { get; private init; } = "application/json";

    public static FakeResponse Raw(string text, string mediaType, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Text = text, MediaType = mediaType };

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FakeResponse Json(JsonNode? body, HttpStatusCode status = HttpStatusCode.OK) => new(status, body);

    /// <summary>Takes <paramref name="page"/>'s <c>Link</c> header (a page wrapped in an object, e.g. <c>{"total_count", "repositories"}</c>).</summary>
    public FakeResponse WithLinkOf(FakeResponse page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Headers.TryGetValue("Link", out var link) ? WithHeader("Link", link) : this;
    }

    public FakeResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
