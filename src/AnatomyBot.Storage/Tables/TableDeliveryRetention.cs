using System.Globalization;
using AnatomyBot.Core.Ledger;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>Deletes old deliveries from Table Storage. Every delivery has a status index entry under its current status
/// (written before the delivery changes), whose row key starts with the received time, so each status partition is read
/// as one key range of the old entries only: the delivery is deleted, then its index entry (a crash in between leaves a
/// stale entry, which the next run or a listing removes).</summary>
public sealed class TableDeliveryRetention(TableLedgerStore store) : IDeliveryRetention
{
    public async Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var upper = before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var deleted = 0;
        foreach (var status in Enum.GetValues<DeliveryStatus>())
        {
            var partition = DeliveryEntities.StatusPartition(status);
            var query = store.DeliveryStatus.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}"), select: ["RowKey"], cancellationToken: cancellationToken);
            await foreach (var index in query.ConfigureAwait(false))
            {
                var (_, platform, id) = DeliveryEntities.ParseIndexRow(index.RowKey);
                var response = await store.Deliveries.DeleteEntityAsync(TableKey.Escape(platform), TableKey.Escape(id), ETag.All, cancellationToken).ConfigureAwait(false);
                if (response.Status != 404)
                {
                    deleted++;
                }

                await store.DeliveryStatus.DeleteEntityAsync(partition, index.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }

        return deleted;
    }
}
