using System.Runtime.CompilerServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Latest evaluations (table <c>evaluations</c>, clustered on (source, item_id)) and gap events (table
/// <c>gap_events</c>, indexed on time) in SQLite. A batch is recorded in one transaction with prepared commands.</summary>
public sealed class SqliteEvaluationLedger(SqliteLedgerDatabase database) : IEvaluationLedger
{
    internal const string EvaluationColumns =
        "source, item_id, kind, title, url, scope, layer, trace, gaps, is_exempt, is_open, merged_at, first_seen, evaluated_at";

    public async Task<IReadOnlyList<GapEvent>> RecordAsync(IReadOnlyList<StoredEvaluation> evaluations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count == 0)
        {
            return [];
        }

        return await database.WriteAsync(
            async connection =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                using var writer = new SqliteEvaluationWriter(connection, transaction);
                var batch = EvaluationBatch.Plan(evaluations, writer.ReadPrevious);
                foreach (var evaluation in batch.Latest)
                {
                    writer.Upsert(evaluation);
                }

                foreach (var gapEvent in batch.Events)
                {
                    writer.Append(gapEvent);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return batch.Events;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredEvaluation?> GetLatestAsync(ItemSource source, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EvaluationColumns} FROM evaluations WHERE source = $s AND item_id = $i;";
        command.Parameters.AddWithValue("$s", (int)source);
        command.Parameters.AddWithValue("$i", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEvaluation(reader) : null;
    }

    /// <summary>Every latest evaluation ordered by (source, item id): a clustered scan, streamed.</summary>
    public async IAsyncEnumerable<StoredEvaluation> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scan = await SqliteScanConnection.OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await using var command = scan.Connection.CreateCommand();
        command.CommandText = $"SELECT {EvaluationColumns} FROM evaluations ORDER BY source, item_id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvaluation(reader);
        }
    }

    public async IAsyncEnumerable<GapEvent> ListGapEventsAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scan = await SqliteScanConnection.OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await using var command = scan.Connection.CreateCommand();
        command.CommandText = """
            SELECT source, item_id, code, severity, kind, at FROM gap_events
            WHERE at >= $since AND at < $until ORDER BY at, seq;
            """;
        command.Parameters.AddWithValue("$since", SqliteTicks.From(since));
        command.Parameters.AddWithValue("$until", SqliteTicks.From(until));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new GapEvent(
                (ItemSource)reader.GetInt32(0),
                reader.GetString(1),
                GapCodeNames.Intern(reader.GetString(2)),
                (GapSeverity)reader.GetInt32(3),
                (GapEventKind)reader.GetInt32(4),
                SqliteTicks.To(reader.GetInt64(5)));
        }
    }

    internal static StoredEvaluation ReadEvaluation(SqliteDataReader reader) => new()
    {
        Source = (ItemSource)reader.GetInt32(0),
        ItemId = reader.GetString(1),
        Kind = (ItemKind)reader.GetInt32(2),
        Title = reader.GetString(3),
        Url = reader.IsDBNull(4) ? null : reader.GetString(4),
        Scope = reader.IsDBNull(5) ? null : reader.GetString(5),
        Layer = (Layer)reader.GetInt32(6),
        Trace = EvaluationCodec.DecodeTrace(reader.GetString(7)),
        Gaps = EvaluationCodec.DecodeGaps(reader.GetString(8)),
        IsExempt = reader.GetInt32(9) != 0,
        IsOpen = reader.GetInt32(10) != 0,
        MergedAt = reader.IsDBNull(11) ? null : SqliteTicks.To(reader.GetInt64(11)),
        FirstSeen = SqliteTicks.To(reader.GetInt64(12)),
        EvaluatedAt = SqliteTicks.To(reader.GetInt64(13)),
    };
}
