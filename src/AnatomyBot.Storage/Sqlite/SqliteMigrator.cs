using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Applies the pending forward-only migrations in one immediate transaction and records each in
/// <c>schema_version</c>. A file written by a newer AnatomyBot is refused rather than guessed at.</summary>
internal static class SqliteMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);";

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public static async Task MigrateAsync(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateVersionTable;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        var latest = migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The ledger database is at schema version {current}, newer than this AnatomyBot supports ({latest}). Upgrade AnatomyBot.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = migration.Sql + "\nINSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
            step.Parameters.AddWithValue("$v", migration.Version);
            step.Parameters.AddWithValue("$d", migration.Description);
            step.Parameters.AddWithValue("$t", now.UtcTicks);
            await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
