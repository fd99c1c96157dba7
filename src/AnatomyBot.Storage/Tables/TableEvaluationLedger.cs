using System.Net;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Storage.Serialization;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The evaluation ledger on Azure Table Storage. Evaluations are written in entity-group transactions of at
/// most 100 per partition, inserted (no previous) or replaced under the previous ETag; when another writer got there
/// first the chunk is re-read and re-planned, so gap events stay exact under concurrency.
/// Gap events live in another table (partitioned by day), which no transaction can span. So each evaluation carries the
/// events it caused (<c>PendingEvents</c>), committed with it; they are then upserted into the events table (idempotent
/// keys) and cleared. If the process stops in between, the events are not lost: the next write of those items, and
/// every listing of events, first upserts whatever is still pending.</summary>
public sealed class TableEvaluationLedger(TableLedgerStore store) : IEvaluationLedger
{
    private const int MaxBatch = 100;
    private const int MaxConcurrencyRetries = 10;
    private const string PendingEventsColumn = "PendingEvents";

    /// <summary>Runs after a chunk's evaluations commit and before their events are appended (tests stop the write
    /// there, as a crash would).</summary>
    internal Func<Task>? AfterEvaluationsCommitted { get; set; }

    public async Task<IReadOnlyList<GapEvent>> RecordAsync(IReadOnlyList<StoredEvaluation> evaluations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<GapEvent>();
        var chunks = evaluations
            .GroupBy(e => (e.Source, e.ItemId))
            .GroupBy(g => g.Key.Source)
            .SelectMany(partition => partition.Chunk(MaxBatch));
        foreach (var chunk in chunks)
        {
            events.AddRange(await RecordChunkAsync([.. chunk.SelectMany(g => g)], cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    public async Task<StoredEvaluation?> GetLatestAsync(ItemSource source, string itemId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(source, itemId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : EvaluationEntities.FromEntity(entity);
    }

    public async IAsyncEnumerable<StoredEvaluation> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in store.Evaluations.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return EvaluationEntities.FromEntity(entity);
        }
    }

    public async IAsyncEnumerable<GapEvent> ListGapEventsAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (since >= until)
        {
            yield break;
        }

        // Events of a write that stopped after its evaluations committed are appended before anyone reads events.
        var pending = new List<TableEntity>();
        await foreach (var entity in store.Evaluations.QueryAsync<TableEntity>($"{PendingEventsColumn} gt ''", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add(entity);
        }

        await FlushPendingAsync(pending, cancellationToken).ConfigureAwait(false);

        // Day partitions, then row keys starting with the ticks: one range query returns the events in time order.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {EvaluationEntities.DayPartition(since)} and PartitionKey le {EvaluationEntities.DayPartition(until.AddTicks(-1))} and RowKey ge {EvaluationEntities.TicksKey(since)} and RowKey lt {EvaluationEntities.TicksKey(until)}");
        await foreach (var entity in store.GapEvents.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return EvaluationEntities.GapEventFromEntity(entity);
        }
    }

    private async Task<IReadOnlyList<GapEvent>> RecordChunkAsync(IReadOnlyList<StoredEvaluation> chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = new Dictionary<(ItemSource, string), TableEntity>();
            foreach (var (source, itemId) in chunk.Select(e => (e.Source, e.ItemId)).Distinct())
            {
                if (await GetEntityAsync(source, itemId, cancellationToken).ConfigureAwait(false) is { } entity)
                {
                    stored[(source, itemId)] = entity;
                }
            }

            // A write of these items that stopped before appending its events: append them now, before they are replaced.
            if (await FlushPendingAsync([.. stored.Values], cancellationToken).ConfigureAwait(false) && attempt < MaxConcurrencyRetries)
            {
                continue;
            }

            var batch = EvaluationBatch.Plan(chunk, e => stored.TryGetValue((e.Source, e.ItemId), out var entity) ? EvaluationEntities.FromEntity(entity) : null);
            if (batch.Latest.Count == 0)
            {
                return batch.Events;
            }

            var caused = batch.Events.ToLookup(e => (e.Source, e.ItemId));
            var entities = batch.Latest.Select(e => WithPending(EvaluationEntities.ToEntity(e), caused[(e.Source, e.ItemId)])).ToList();
            var actions = entities.Select(entity => stored.TryGetValue(Key(entity), out var previous)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, previous.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
            Response<IReadOnlyList<Response>> committed;
            try
            {
                committed = await store.Evaluations.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed && attempt < MaxConcurrencyRetries)
            {
                continue;
            }

            if (AfterEvaluationsCommitted is { } hook)
            {
                await hook().ConfigureAwait(false);
            }

            await AppendEventsAsync(batch.Events, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < entities.Count && i < committed.Value.Count; i++)
            {
                entities[i].ETag = committed.Value[i].Headers.ETag ?? default;
            }

            await ClearPendingAsync([.. entities.Where(e => e.GetString(PendingEventsColumn) is { Length: > 0 })], cancellationToken).ConfigureAwait(false);
            return batch.Events;
        }
    }

    private static (ItemSource, string) Key(TableEntity entity) => ((ItemSource)(entity.GetInt32("Source") ?? 0), entity.GetString("ItemId"));

    private static TableEntity WithPending(TableEntity entity, IEnumerable<GapEvent> events)
    {
        entity[PendingEventsColumn] = EvaluationCodec.EncodeEvents([.. events]);
        return entity;
    }

    /// <summary>Appends the events still pending on <paramref name="entities"/> and clears them; true when there were any.</summary>
    private async Task<bool> FlushPendingAsync(IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        var pending = entities.Where(e => e.GetString(PendingEventsColumn) is { Length: > 0 }).ToList();
        if (pending.Count == 0)
        {
            return false;
        }

        var events = pending.SelectMany(e =>
        {
            var (source, itemId) = Key(e);
            return EvaluationCodec.DecodeEvents(source, itemId, e.GetString(PendingEventsColumn));
        }).ToList();
        await AppendEventsAsync(events, cancellationToken).ConfigureAwait(false);
        await ClearPendingAsync(pending, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Clears the pending events of <paramref name="entities"/> (appended by now) under their ETags: an entity
    /// another writer has replaced since keeps that writer's own pending events. One without a known ETag is left as it
    /// is (appending its events again later is harmless; clearing without the condition could clear another's).</summary>
    private async Task ClearPendingAsync(IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var chunk in entities.Where(e => e.ETag != default).GroupBy(e => e.PartitionKey).SelectMany(partition => partition.Chunk(MaxBatch)))
        {
            try
            {
                await store.Evaluations.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(
                        TableTransactionActionType.UpdateMerge, new TableEntity(e.PartitionKey, e.RowKey) { [PendingEventsColumn] = "" }, e.ETag)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Replaced or removed meanwhile: what is pending now belongs to that write (appending again is harmless).
            }
        }
    }

    private async Task AppendEventsAsync(IReadOnlyList<GapEvent> events, CancellationToken cancellationToken)
    {
        var entities = events.Select(EvaluationEntities.ToEntity).DistinctBy(e => (e.PartitionKey, e.RowKey));
        foreach (var chunk in entities.GroupBy(e => e.PartitionKey).SelectMany(day => day.Chunk(MaxBatch)))
        {
            await store.GapEvents.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TableEntity?> GetEntityAsync(ItemSource source, string itemId, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var response = await store.Evaluations.GetEntityIfExistsAsync<TableEntity>(
            EvaluationEntities.SourcePartition(source), TableKey.Escape(itemId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
