namespace AnatomyBot.Core.Pipeline;

/// <summary>Processing failed for a reason that may pass (rate limit, 5xx, timeout); the delivery is retried and, after the
/// retry budget, parked as poison for <c>anatomybot replay</c>.</summary>
public sealed class TransientDeliveryException : Exception
{
    public TransientDeliveryException()
    {
    }

    public TransientDeliveryException(string message)
        : base(message)
    {
    }

    public TransientDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the platform asked us to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
