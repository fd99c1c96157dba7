using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>The fingerprints of recent bodies in SQLite: one row per (platform, fingerprint), claimed by an upsert that
/// only takes over a row older than the replay window, so of two deliveries of one body at once exactly one wins.</summary>
public sealed class SqliteDeliveryFingerprintLedger(SqliteLedgerDatabase database) : IDeliveryFingerprintLedger
{
    public async Task<bool> TryRecordAsync(string platform, string fingerprint, string deliveryId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = """
                    INSERT INTO delivery_fingerprints (platform, fingerprint, delivery_id, seen_at) VALUES ($p, $f, $id, $at)
                    ON CONFLICT (platform, fingerprint) DO UPDATE SET delivery_id = excluded.delivery_id, seen_at = excluded.seen_at
                    WHERE delivery_fingerprints.seen_at < $nb;
                    SELECT delivery_id FROM delivery_fingerprints WHERE platform = $p AND fingerprint = $f;
                    """;
                command.Parameters.AddWithValue("$p", platform);
                command.Parameters.AddWithValue("$f", fingerprint);
                command.Parameters.AddWithValue("$id", deliveryId);
                command.Parameters.AddWithValue("$at", SqliteTicks.From(at));
                command.Parameters.AddWithValue("$nb", SqliteTicks.From(notBefore));
                return (string?)command.ExecuteScalar() == deliveryId;
            },
            cancellationToken).ConfigureAwait(false);

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = "DELETE FROM delivery_fingerprints WHERE seen_at < $before;";
                command.Parameters.AddWithValue("$before", SqliteTicks.From(before));
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
}
