using AnatomyBot.Cli.Demo;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>One request to a webhook route as a sender would make it: headers, body, and whether the body is sent without
/// a <c>Content-Length</c> (chunked). <see cref="DeliveryId"/> is null for requests that carry none.</summary>
internal sealed record WebhookRequest(string Kind, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool Chunked { get; init; }

    /// <summary>The serve route the request goes to.</summary>
    public string Route { get; init; } = "/api/github/webhooks";

    /// <summary>The delivery id where the body carries it (an Azure DevOps notification's <c>id</c>).</summary>
    public string? BodyId { get; init; }

    public string? DeliveryId => BodyId ?? Headers.GetValueOrDefault("X-GitHub-Delivery");

    /// <summary>A delivery as GitHub sends it: event, delivery id and the HMAC-SHA256 signature of the body.</summary>
    public static WebhookRequest Signed(string secret, string eventName, string deliveryId, byte[] body) =>
        new("signed", new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = eventName,
            ["X-GitHub-Delivery"] = deliveryId,
            ["X-Hub-Signature-256"] = GitHubWebhookSender.Sign(secret, body),
        }, body);
}
