namespace AnatomyBot.Core.Pipeline;

/// <summary>What the processor did with one delivery.</summary>
public enum ProcessingStatus
{
    /// <summary>Handled and recorded; the ledger marks it processed.</summary>
    Processed,

    /// <summary>Already processed (or parked as poison) before: nothing was done.</summary>
    Duplicate,

    /// <summary>A transient failure; the delivery was queued again after a delay.</summary>
    RetryScheduled,

    /// <summary>The retry budget is spent or the failure is permanent; parked for <c>anatomybot replay</c>.</summary>
    Poisoned,
}
