using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Prepared commands for one recording transaction: read the previous evaluation, upsert the latest, append
/// gap events. Parameters are bound once and re-valued per row.</summary>
internal sealed class SqliteEvaluationWriter : IDisposable
{
    private readonly SqliteCommand select;
    private readonly SqliteCommand upsert;
    private readonly SqliteCommand append;

    public SqliteEvaluationWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        select = Prepare(connection, transaction, """
            SELECT gaps, first_seen, evaluated_at, is_open FROM evaluations WHERE source = $source AND item_id = $item_id;
            """, "$source", "$item_id");
        upsert = Prepare(connection, transaction, $"""
            INSERT INTO evaluations ({SqliteEvaluationLedger.EvaluationColumns})
            VALUES ($source, $item_id, $kind, $title, $url, $scope, $layer, $trace, $gaps, $is_exempt, $is_open, $merged_at, $first_seen, $evaluated_at)
            ON CONFLICT (source, item_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, url = excluded.url,
                scope = excluded.scope, layer = excluded.layer, trace = excluded.trace, gaps = excluded.gaps,
                is_exempt = excluded.is_exempt, is_open = excluded.is_open, merged_at = excluded.merged_at,
                first_seen = excluded.first_seen, evaluated_at = excluded.evaluated_at;
            """, "$source", "$item_id", "$kind", "$title", "$url", "$scope", "$layer", "$trace", "$gaps", "$is_exempt",
            "$is_open", "$merged_at", "$first_seen", "$evaluated_at");
        append = Prepare(connection, transaction, """
            INSERT INTO gap_events (source, item_id, code, severity, kind, at) VALUES ($source, $item_id, $code, $severity, $kind, $at);
            """, "$source", "$item_id", "$code", "$severity", "$kind", "$at");
    }

    public StoredEvaluation? ReadPrevious(StoredEvaluation current)
    {
        select.Parameters[0].Value = (int)current.Source;
        select.Parameters[1].Value = current.ItemId;
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return current with
        {
            Gaps = EvaluationCodec.DecodeGaps(reader.GetString(0)),
            FirstSeen = SqliteTicks.To(reader.GetInt64(1)),
            EvaluatedAt = SqliteTicks.To(reader.GetInt64(2)),
            IsOpen = reader.GetInt32(3) != 0,
        };
    }

    public void Upsert(StoredEvaluation evaluation)
    {
        var p = upsert.Parameters;
        p[0].Value = (int)evaluation.Source;
        p[1].Value = evaluation.ItemId;
        p[2].Value = (int)evaluation.Kind;
        p[3].Value = evaluation.Title;
        p[4].Value = (object?)evaluation.Url ?? DBNull.Value;
        p[5].Value = (object?)evaluation.Scope ?? DBNull.Value;
        p[6].Value = (int)evaluation.Layer;
        p[7].Value = EvaluationCodec.EncodeTrace(evaluation.Trace);
        p[8].Value = EvaluationCodec.EncodeGaps(evaluation.Gaps);
        p[9].Value = evaluation.IsExempt ? 1 : 0;
        p[10].Value = evaluation.IsOpen ? 1 : 0;
        p[11].Value = evaluation.MergedAt is { } merged ? SqliteTicks.From(merged) : DBNull.Value;
        p[12].Value = SqliteTicks.From(evaluation.FirstSeen);
        p[13].Value = SqliteTicks.From(evaluation.EvaluatedAt);
        upsert.ExecuteNonQuery();
    }

    public void Append(GapEvent gapEvent)
    {
        var p = append.Parameters;
        p[0].Value = (int)gapEvent.Source;
        p[1].Value = gapEvent.ItemId;
        p[2].Value = gapEvent.Code;
        p[3].Value = (int)gapEvent.Severity;
        p[4].Value = (int)gapEvent.Kind;
        p[5].Value = SqliteTicks.From(gapEvent.At);
        append.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        select.Dispose();
        upsert.Dispose();
        append.Dispose();
    }
}
