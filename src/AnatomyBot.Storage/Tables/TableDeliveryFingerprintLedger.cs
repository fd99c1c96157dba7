using System.Net;
using AnatomyBot.Core.Ledger;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The fingerprints of recent bodies on Azure Table Storage: partition = platform, row = fingerprint (hex).
/// A conditional insert claims a new fingerprint; an old one is taken over with its ETag, so of two deliveries of one
/// body at once exactly one wins.</summary>
public sealed class TableDeliveryFingerprintLedger(TableLedgerStore store) : IDeliveryFingerprintLedger
{
    public async Task<bool> TryRecordAsync(string platform, string fingerprint, string deliveryId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKey.Escape(platform), TableKey.Escape(fingerprint)) { ["DeliveryId"] = deliveryId, ["SeenAt"] = at.UtcTicks };
        try
        {
            await store.DeliveryFingerprints.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
        }

        var known = (await store.DeliveryFingerprints.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        if (known.GetString("DeliveryId") == deliveryId)
        {
            return true;
        }

        if (known.GetInt64("SeenAt") is { } seen && seen >= notBefore.UtcTicks)
        {
            return false;
        }

        try
        {
            await store.DeliveryFingerprints.UpdateEntityAsync(entity, known.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"SeenAt lt {before.UtcTicks}");
        await foreach (var old in store.DeliveryFingerprints.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await store.DeliveryFingerprints.DeleteEntityAsync(old.PartitionKey, old.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            purged++;
        }

        return purged;
    }
}
