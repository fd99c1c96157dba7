namespace AnatomyBot.Core.Pipeline;

/// <summary>One authenticated webhook delivery, persisted before it is acknowledged.
/// <see cref="Id"/> is the platform's delivery id (GitHub <c>X-GitHub-Delivery</c>; Azure DevOps notification id).</summary>
public sealed record Delivery
{
    public required string Platform { get; init; }

    public required string Id { get; init; }

    /// <summary>GitHub event name (<c>pull_request</c>) or Azure DevOps event type (<c>workitem.updated</c>).</summary>
    public required string EventName { get; init; }

    /// <summary>The raw body as received (UTF-8 JSON).</summary>
    public required string Body { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How many times processing was attempted before this one.</summary>
    public int Attempts { get; init; }
}
