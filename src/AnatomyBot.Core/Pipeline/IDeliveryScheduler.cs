namespace AnatomyBot.Core.Pipeline;

/// <summary>Where accepted deliveries wait for the processor. Local <c>serve</c>: the SQLite inbox (the delivery ledger's
/// Received rows) plus an in-process wake-up; Azure: a Storage queue with a <c>-poison</c> sibling.</summary>
public interface IDeliveryScheduler
{
    /// <summary>Makes the delivery visible to the processor after <paramref name="delay"/> (zero: now).</summary>
    Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Parks a delivery that spent its retry budget (Azure: the <c>-poison</c> queue; local: the ledger row is enough).</summary>
    Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken);
}
