using System.Globalization;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Audit;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>The audit trail in SQLite: one row per entry in the <c>audit</c> table, numbered in the order appended; a
/// keyed entry is inserted only when its key is new (a unique column), so of two appends of one key exactly one wins.</summary>
public sealed class SqliteAuditLedger(SqliteLedgerDatabase database) : IAuditLedger
{
    private const string Columns = "at, actor, action, item, subject, until, reason, origin, key";

    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        return await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = $"INSERT OR IGNORE INTO audit ({Columns}) VALUES ($at, $actor, $action, $item, $subject, $until, $reason, $origin, $key);";
                command.Parameters.AddWithValue("$at", SqliteTicks.From(entry.At));
                command.Parameters.AddWithValue("$actor", entry.Actor);
                command.Parameters.AddWithValue("$action", (int)entry.Action);
                command.Parameters.AddWithValue("$item", (object?)entry.Item ?? DBNull.Value);
                command.Parameters.AddWithValue("$subject", entry.Subject);
                command.Parameters.AddWithValue("$until", entry.Until is { } until ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
                command.Parameters.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$origin", (object?)entry.Origin ?? DBNull.Value);
                command.Parameters.AddWithValue("$key", (object?)entry.Key ?? DBNull.Value);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AuditEntry> ListAsync(DateTimeOffset since, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit WHERE at >= $since ORDER BY at, seq LIMIT $max;";
        command.Parameters.AddWithValue("$since", SqliteTicks.From(since));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    private static AuditEntry Read(SqliteDataReader reader) => new()
    {
        At = SqliteTicks.To(reader.GetInt64(0)),
        Actor = reader.GetString(1),
        Action = (AuditAction)reader.GetInt32(2),
        Item = reader.IsDBNull(3) ? null : reader.GetString(3),
        Subject = reader.GetString(4),
        Until = reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reason = reader.IsDBNull(6) ? null : reader.GetString(6),
        Origin = reader.IsDBNull(7) ? null : reader.GetString(7),
        Key = reader.IsDBNull(8) ? null : reader.GetString(8),
    };
}
