namespace AnatomyBot.Core.Ledger;

/// <summary>The bodies received lately, by fingerprint (SHA-256 of the event name and the body): a body received again
/// under another delivery id inside the replay window is a replay, acknowledged and not processed again.</summary>
public interface IDeliveryFingerprintLedger
{
    /// <summary>Records that <paramref name="fingerprint"/> arrived as <paramref name="deliveryId"/> at
    /// <paramref name="at"/>. False (and nothing changes) when it arrived under another delivery id at or after
    /// <paramref name="notBefore"/>; true otherwise, also for the same delivery id again (a redelivery).</summary>
    Task<bool> TryRecordAsync(string platform, string fingerprint, string deliveryId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Forgets fingerprints recorded before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
