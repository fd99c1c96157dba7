using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Deletes old deliveries from SQLite in chunks (each its own short write), so a large backlog never holds the
/// writer for long and webhooks keep being stored meanwhile.</summary>
public sealed class SqliteDeliveryRetention(SqliteLedgerDatabase database) : IDeliveryRetention
{
    internal const int ChunkRows = 5_000;

    public async Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = await database.Batcher.WriteAsync(
                command =>
                {
                    command.CommandText = "DELETE FROM deliveries WHERE rowid IN (SELECT rowid FROM deliveries WHERE received_at < $before LIMIT $chunk);";
                    command.Parameters.AddWithValue("$before", SqliteTicks.From(before));
                    command.Parameters.AddWithValue("$chunk", ChunkRows);
                    return command.ExecuteNonQuery();
                },
                cancellationToken).ConfigureAwait(false);
            deleted += chunk;
            if (chunk < ChunkRows)
            {
                return deleted;
            }
        }
    }
}
