using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>The delivery ledger (local inbox and dedupe) in SQLite. Dedupe is the primary key (platform, id):
/// <c>INSERT … ON CONFLICT DO NOTHING</c> is atomic, so concurrent adds of one delivery yield exactly one <c>true</c>.
/// Adds and status changes are group-committed (<see cref="SqliteWriteBatcher"/>).</summary>
public sealed class SqliteDeliveryLedger(SqliteLedgerDatabase database) : IDeliveryLedger
{
    private const string Columns = "platform, id, event_name, body, received_at, attempts, status, updated_at, last_error";

    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = $"""
                    INSERT INTO deliveries ({Columns}) VALUES ($p, $id, $e, CAST($b AS TEXT), $r, $a, $s, $r, NULL)
                    ON CONFLICT (platform, id) DO NOTHING;
                    """;
                command.Parameters.AddWithValue("$p", delivery.Platform);
                command.Parameters.AddWithValue("$id", delivery.Id);
                command.Parameters.AddWithValue("$e", delivery.EventName);
                command.Parameters.AddWithValue("$b", Utf8Array(delivery.Utf8Body));
                command.Parameters.AddWithValue("$r", SqliteTicks.From(delivery.ReceivedAt));
                command.Parameters.AddWithValue("$a", delivery.Attempts);
                command.Parameters.AddWithValue("$s", (int)DeliveryStatus.Received);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body's UTF-8 bytes as one array to bind as a blob, which <c>CAST(… AS TEXT)</c> stores as the same
    /// text a string parameter would (the database encoding is UTF-8) without decoding it to UTF-16 and encoding it back.
    /// A delivery received from a platform already holds exactly such an array. An empty body is bound as text (SQLite
    /// reads an empty blob as NULL).</summary>
    private static object Utf8Array(ReadOnlyMemory<byte> body) =>
        body.IsEmpty ? ""
        : MemoryMarshal.TryGetArray(body, out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length ? array
        : body.ToArray();

    public async Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE platform = $p AND id = $id;";
        command.Parameters.AddWithValue("$p", platform);
        command.Parameters.AddWithValue("$id", deliveryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Sets the status; every status but <see cref="DeliveryStatus.Received"/> ends an attempt and counts it
    /// in <see cref="Delivery.Attempts"/>. An unknown delivery is left alone.</summary>
    public async Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken)
    {
        await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = """
                    UPDATE deliveries SET status = $s, updated_at = $u, last_error = $l, attempts = attempts + $inc
                    WHERE platform = $p AND id = $id;
                    """;
                command.Parameters.AddWithValue("$s", (int)status);
                command.Parameters.AddWithValue("$u", SqliteTicks.From(at));
                command.Parameters.AddWithValue("$l", (object?)lastError ?? DBNull.Value);
                command.Parameters.AddWithValue("$inc", status == DeliveryStatus.Received ? 0 : 1);
                command.Parameters.AddWithValue("$p", platform);
                command.Parameters.AddWithValue("$id", deliveryId);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        await foreach (var record in StreamAsync(status, max, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }

    private async IAsyncEnumerable<DeliveryRecord> StreamAsync(DeliveryStatus status, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE status = $s ORDER BY received_at, platform, id LIMIT $max;";
        command.Parameters.AddWithValue("$s", (int)status);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    private static DeliveryRecord Read(SqliteDataReader reader)
    {
        var delivery = new Delivery
        {
            Platform = reader.GetString(0),
            Id = reader.GetString(1),
            EventName = reader.GetString(2),
            Body = reader.GetString(3),
            ReceivedAt = SqliteTicks.To(reader.GetInt64(4)),
            Attempts = reader.GetInt32(5),
        };
        return new DeliveryRecord(
            delivery,
            (DeliveryStatus)reader.GetInt32(6),
            SqliteTicks.To(reader.GetInt64(7)),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}
