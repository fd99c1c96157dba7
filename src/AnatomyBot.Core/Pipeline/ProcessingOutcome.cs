using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;

namespace AnatomyBot.Core.Pipeline;

/// <summary>The result of processing one delivery, for the host to log and count.</summary>
public sealed record ProcessingOutcome(ProcessingStatus Status, Delivery Delivery)
{
    public DeliveryResult? Result { get; init; }

    public IReadOnlyList<GapEvent> GapEvents { get; init; } = [];

    /// <summary>For <see cref="ProcessingStatus.Processed"/>: the re-checks queued for items linking to what changed.</summary>
    public RecheckResult Rechecks { get; init; } = RecheckResult.None;

    /// <summary>For <see cref="ProcessingStatus.RetryScheduled"/>: how long until the next attempt.</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>Why the last attempt failed (safe to log: exception type and message, never a secret).</summary>
    public string? Error { get; init; }
}
