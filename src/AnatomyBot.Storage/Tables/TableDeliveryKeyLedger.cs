using AnatomyBot.Core.Ledger;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>Pages of delivery keys from Table Storage: a row key range of the status index partition, each entry checked
/// against its delivery read without the body (only the status, times and attempts are selected); entries left stale by
/// a crash are removed, as a listing does.</summary>
public sealed class TableDeliveryKeyLedger(TableLedgerStore store) : IDeliveryKeyLedger
{
    private static readonly string[] KeyColumns = ["Status", "ReceivedAt", "UpdatedAt", "Attempts"];

    public async Task<IReadOnlyList<DeliveryKey>> ListKeysAsync(DeliveryStatus status, DateTimeOffset changedBy, DeliveryKey? after, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<DeliveryKey>(Math.Min(max, 1_000));
        if (max == 0)
        {
            return keys;
        }

        var partition = DeliveryEntities.StatusPartition(status);
        var from = after is null ? "" : DeliveryEntities.IndexRow(after.ReceivedAt, after.Platform, after.Id);
        var query = store.DeliveryStatus.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from}"), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var index in query.ConfigureAwait(false))
        {
            var (receivedTicks, platform, id) = DeliveryEntities.ParseIndexRow(index.RowKey);
            var response = await store.Deliveries.GetEntityIfExistsAsync<TableEntity>(
                TableKey.Escape(platform), TableKey.Escape(id), KeyColumns, cancellationToken).ConfigureAwait(false);
            if (!response.HasValue || response.Value is not { } entity || entity.GetInt32("Status") != (int)status || entity.GetInt64("ReceivedAt") != receivedTicks)
            {
                await store.DeliveryStatus.DeleteEntityAsync(partition, index.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (DeliveryEntities.Ticks(entity, "UpdatedAt") > changedBy)
            {
                continue;
            }

            keys.Add(new DeliveryKey(platform, id, new DateTimeOffset(receivedTicks, TimeSpan.Zero), entity.GetInt32("Attempts") ?? 0));
            if (keys.Count == max)
            {
                break;
            }
        }

        return keys;
    }
}
