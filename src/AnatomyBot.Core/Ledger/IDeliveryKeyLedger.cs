namespace AnatomyBot.Core.Ledger;

/// <summary>The keys of stored deliveries, read page by page and never with their bodies: a restart after an outage
/// reloads a million unfinished deliveries without holding them in memory.</summary>
public interface IDeliveryKeyLedger
{
    /// <summary>At most <paramref name="max"/> keys of deliveries in <paramref name="status"/> last changed at or before
    /// <paramref name="changedBy"/>, in received time order (then platform, id), starting after <paramref name="after"/>
    /// (from the oldest when null). A page shorter than <paramref name="max"/> is the last.</summary>
    Task<IReadOnlyList<DeliveryKey>> ListKeysAsync(DeliveryStatus status, DateTimeOffset changedBy, DeliveryKey? after, int max, CancellationToken cancellationToken);
}
