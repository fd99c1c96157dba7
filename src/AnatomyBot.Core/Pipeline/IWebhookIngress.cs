namespace AnatomyBot.Core.Pipeline;

/// <summary>Per platform: authenticates a webhook request and parses just enough of it (event, delivery id) to persist it.
/// Makes no platform API calls. Header names are matched case-insensitively.</summary>
public interface IWebhookIngress
{
    string Platform { get; }

    /// <summary>Requests larger than this are rejected with 413 before they are read whole.</summary>
    long MaxBodyBytes { get; }

    IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt);
}
