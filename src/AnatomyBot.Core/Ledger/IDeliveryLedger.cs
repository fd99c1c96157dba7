using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Ledger;

/// <summary>Deliveries seen, processed and failed: the local inbox (a delivery is stored before it is acknowledged),
/// dedupe by (platform, delivery id), and the source for <c>replay</c>.</summary>
public interface IDeliveryLedger
{
    /// <summary>Stores the delivery as <see cref="DeliveryStatus.Received"/>. Returns false (and changes nothing) when a
    /// delivery with the same platform and id is already known.</summary>
    Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken);

    Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken);

    Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken);

    /// <summary>Deliveries in a status, oldest first (e.g. Received ones left by a crash, Poison ones for replay).</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken);
}
