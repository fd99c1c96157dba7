namespace AnatomyBot.Core.Pipeline;

/// <summary>Per platform: the open items to re-reconcile in the nightly sweep, as synthetic deliveries that the platform's
/// <see cref="IDeliveryHandler"/> understands (so the sweep travels the same queue, dedupe and processor as a webhook and
/// repairs whatever a lost or disabled webhook missed). Delivery ids must be unique per sweep run and item, e.g.
/// <c>sweep:2026-11-24:contoso/app#12</c>.</summary>
public interface ISweepSource
{
    string Platform { get; }

    Task<IReadOnlyList<Delivery>> CreateSweepDeliveriesAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
