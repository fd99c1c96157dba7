using System.Net;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The evaluation ledger on Azure Table Storage. Evaluations are written in entity-group transactions of at
/// most 100 per partition, inserted (no previous) or replaced under the previous ETag; when another writer got there
/// first the chunk is re-read and re-planned, so gap events stay exact under concurrency. Gap events are upserted
/// (idempotent keys) after their evaluations commit.</summary>
public sealed class TableEvaluationLedger(TableLedgerStore store) : IEvaluationLedger
{
    private const int MaxBatch = 100;
    private const int MaxConcurrencyRetries = 10;

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

            var batch = EvaluationBatch.Plan(chunk, e => stored.TryGetValue((e.Source, e.ItemId), out var entity) ? EvaluationEntities.FromEntity(entity) : null);
            if (batch.Latest.Count == 0)
            {
                return batch.Events;
            }

            var actions = batch.Latest.Select(e => stored.TryGetValue((e.Source, e.ItemId), out var previous)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, EvaluationEntities.ToEntity(e), previous.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, EvaluationEntities.ToEntity(e)));
            try
            {
                await store.Evaluations.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed && attempt < MaxConcurrencyRetries)
            {
                continue;
            }

            await AppendEventsAsync(batch.Events, cancellationToken).ConfigureAwait(false);
            return batch.Events;
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
