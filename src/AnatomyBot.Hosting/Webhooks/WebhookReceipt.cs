namespace AnatomyBot.Hosting.Webhooks;

/// <summary>The answer to one webhook request: the status code and a short reason that is safe to return and log, and
/// for a 503 how long the sender should wait (<c>Retry-After</c>).</summary>
public sealed record WebhookReceipt(int StatusCode, string Reason, string? DeliveryId = null, bool Duplicate = false)
{
    public TimeSpan? RetryAfter { get; init; }
}
