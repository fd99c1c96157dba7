namespace AnatomyBot.Core.Pipeline;

/// <summary>Per platform: authenticates a webhook request and parses just enough of it (event, delivery id) to persist it.
/// Makes no platform API calls. Header names are matched case-insensitively.</summary>
public interface IWebhookIngress
{
    string Platform { get; }

    /// <summary>Requests larger than this are rejected with 413 before they are read whole.</summary>
    long MaxBodyBytes { get; }

    /// <summary>The answer to a request refused on its headers alone (no or a malformed signature, a wrong credential),
    /// before its body is read; null when the body may be read.</summary>
    IngressResult? Screen(IReadOnlyDictionary<string, string> headers);

    IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt);
}
