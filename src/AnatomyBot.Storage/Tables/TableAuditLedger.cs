using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Audit;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The audit trail on Azure Table Storage, in one partition: an entry's row key is <c>e|</c>, its time in UTC
/// ticks (19 digits, so keys sort by time) and a unique suffix; a keyed entry is added in one transaction with a
/// <c>k|</c> row for its key, so a key seen before fails the transaction and records nothing.</summary>
public sealed class TableAuditLedger(TableLedgerStore store) : IAuditLedger
{
    private const string Partition = "audit";
    private const string EntryPrefix = "e|";
    private const string KeyPrefix = "k|";

    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var row = EntryPrefix + entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + TableKey.Separator + Guid.CreateVersion7(entry.At).ToString("N");
        var entity = new TableEntity(Partition, row)
        {
            ["At"] = entry.At.UtcTicks,
            ["Actor"] = entry.Actor,
            ["Action"] = (int)entry.Action,
            ["Item"] = entry.Item,
            ["Subject"] = entry.Subject,
            ["Until"] = entry.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Reason"] = entry.Reason,
            ["Origin"] = entry.Origin,
            ["Key"] = entry.Key,
        };
        if (entry.Key is null)
        {
            await store.Audit.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity(Partition, KeyPrefix + TableKey.Escape(entry.Key)) { ["Entry"] = row }),
            new(TableTransactionActionType.Add, entity),
        ];
        try
        {
            await store.Audit.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<AuditEntry> ListAsync(DateTimeOffset since, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            yield break;
        }

        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var from = EntryPrefix + since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {EntryPrefix + "~"}");
        var count = 0;
        await foreach (var entity in store.Audit.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
            if (++count == max)
            {
                yield break;
            }
        }
    }

    private static AuditEntry Read(TableEntity entity) => new()
    {
        At = new DateTimeOffset(entity.GetInt64("At") ?? 0, TimeSpan.Zero),
        Actor = entity.GetString("Actor") ?? "",
        Action = (AuditAction)(entity.GetInt32("Action") ?? 0),
        Item = entity.GetString("Item"),
        Subject = entity.GetString("Subject") ?? "",
        Until = entity.GetString("Until") is { } until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Reason = entity.GetString("Reason"),
        Origin = entity.GetString("Origin"),
        Key = entity.GetString("Key"),
    };
}
