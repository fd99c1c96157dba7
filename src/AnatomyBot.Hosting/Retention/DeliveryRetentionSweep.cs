using AnatomyBot.Core.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Retention;

/// <summary>Deletes the deliveries and body fingerprints older than <see cref="DeliveryRetentionOptions.DeliveryRetention"/>
/// from the ledger; evaluations and gap events stay.</summary>
public sealed partial class DeliveryRetentionSweep(
    IDeliveryRetention deliveries,
    IDeliveryFingerprintLedger fingerprints,
    IOptions<DeliveryRetentionOptions> options,
    TimeProvider time,
    ILogger<DeliveryRetentionSweep> logger)
{
    /// <summary>Deletes what is past retention now; returns how many deliveries and fingerprints were deleted.</summary>
    public async Task<(int Deliveries, int Fingerprints)> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.DeliveryRetention;
        var deletedDeliveries = await deliveries.DeleteReceivedBeforeAsync(before, cancellationToken).ConfigureAwait(false);
        var deletedFingerprints = await fingerprints.PurgeAsync(before, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, deletedDeliveries, deletedFingerprints, before);
        return (deletedDeliveries, deletedFingerprints);
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Delivery retention deleted {Deliveries} deliveries and {Fingerprints} body fingerprints received before {Before:O}")]
    private static partial void LogDeleted(ILogger logger, int deliveries, int fingerprints, DateTimeOffset before);
}
