using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Pages of delivery keys from SQLite: a keyset range over the (status, received time) index, bodies never read.</summary>
public sealed class SqliteDeliveryKeyLedger(SqliteLedgerDatabase database) : IDeliveryKeyLedger
{
    public async Task<IReadOnlyList<DeliveryKey>> ListKeysAsync(DeliveryStatus status, DateTimeOffset changedBy, DeliveryKey? after, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var keys = new List<DeliveryKey>(Math.Min(max, 10_000));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT platform, id, received_at, attempts FROM deliveries
            WHERE status = $s AND updated_at <= $by AND (received_at, platform, id) > ($r, $p, $id)
            ORDER BY received_at, platform, id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$s", (int)status);
        command.Parameters.AddWithValue("$by", SqliteTicks.From(changedBy));
        command.Parameters.AddWithValue("$r", after is null ? long.MinValue : SqliteTicks.From(after.ReceivedAt));
        command.Parameters.AddWithValue("$p", after?.Platform ?? "");
        command.Parameters.AddWithValue("$id", after?.Id ?? "");
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new DeliveryKey(reader.GetString(0), reader.GetString(1), SqliteTicks.To(reader.GetInt64(2)), reader.GetInt32(3)));
        }

        return keys;
    }
}
