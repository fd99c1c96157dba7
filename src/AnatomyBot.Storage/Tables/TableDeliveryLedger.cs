using System.Net;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The delivery ledger on Azure Table Storage. Dedupe is a conditional insert (409 → already known). Status
/// changes use optimistic concurrency (ETag) on the delivery and keep a status index partition per status so
/// <see cref="ListAsync"/> reads one partition in time order; index entries left stale by a crash are verified against
/// the delivery and removed while listing.</summary>
public sealed class TableDeliveryLedger(TableLedgerStore store) : IDeliveryLedger
{
    private const int MaxConcurrencyRetries = 10;

    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        // Index first: a crash after it leaves a harmless stale entry; a crash before the delivery exists loses nothing.
        await store.DeliveryStatus.UpsertEntityAsync(DeliveryEntities.StatusIndex(DeliveryStatus.Received, delivery), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.Deliveries.AddEntityAsync(DeliveryEntities.ToEntity(delivery, DeliveryStatus.Received, delivery.ReceivedAt, null), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(platform, deliveryId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : DeliveryEntities.FromEntity(entity);
    }

    /// <summary>Sets the status; every status but <see cref="DeliveryStatus.Received"/> ends an attempt and counts it
    /// in <see cref="Delivery.Attempts"/>. An unknown delivery is left alone.</summary>
    public async Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetEntityAsync(platform, deliveryId, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return;
            }

            var record = DeliveryEntities.FromEntity(entity);
            var delivery = record.Delivery with { Attempts = record.Delivery.Attempts + (status == DeliveryStatus.Received ? 0 : 1) };
            await store.DeliveryStatus.UpsertEntityAsync(DeliveryEntities.StatusIndex(status, delivery), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            try
            {
                await store.Deliveries.UpdateEntityAsync(DeliveryEntities.ToEntity(delivery, status, at, lastError), entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed && attempt < MaxConcurrencyRetries)
            {
                continue;
            }

            if (record.Status != status)
            {
                await DeleteIndexAsync(DeliveryEntities.StatusPartition(record.Status), DeliveryEntities.IndexRow(delivery.ReceivedAt, platform, deliveryId), cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<DeliveryRecord>();
        if (max == 0)
        {
            return records;
        }

        var partition = DeliveryEntities.StatusPartition(status);
        var query = store.DeliveryStatus.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var index in query.ConfigureAwait(false))
        {
            var (receivedTicks, platform, id) = DeliveryEntities.ParseIndexRow(index.RowKey);
            var record = await GetAsync(platform, id, cancellationToken).ConfigureAwait(false);
            if (record is null || record.Status != status || record.Delivery.ReceivedAt.UtcTicks != receivedTicks)
            {
                await DeleteIndexAsync(partition, index.RowKey, cancellationToken).ConfigureAwait(false);
                continue;
            }

            records.Add(record);
            if (records.Count == max)
            {
                break;
            }
        }

        return records;
    }

    private async Task<TableEntity?> GetEntityAsync(string platform, string deliveryId, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var response = await store.Deliveries.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Escape(platform), TableKey.Escape(deliveryId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task DeleteIndexAsync(string partition, string rowKey, CancellationToken cancellationToken) =>
        await store.DeliveryStatus.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
}
