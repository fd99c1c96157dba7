using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>One SQLite ledger file: opens pooled connections (WAL, busy timeout) and brings the schema up to date once,
/// on first use. Safe for concurrent callers in one process; writers are serialised in-process so they never spin on
/// SQLite's lock, and readers never block (WAL).</summary>
public sealed class SqliteLedgerDatabase : IDisposable
{
    private readonly string connectionString;
    private readonly SemaphoreSlim initGate = new(1, 1);
    private readonly TimeProvider timeProvider;
    private volatile bool initialized;

    public SqliteLedgerDatabase(string path, TimeProvider? timeProvider = null)
    {
        this.timeProvider = timeProvider ?? TimeProvider.System;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Serialises writers of this process (SQLite allows one writer at a time anyway).</summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>The schema version the file is at (0 for a new file), without migrating.</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteMigrator.ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or migrates the schema. Called by every ledger operation; call it at start-up to fail early.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!initialized)
            {
                var directory = System.IO.Path.GetDirectoryName(Path);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
                await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.All, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                initialized = true;
            }
        }
        finally
        {
            initGate.Release();
        }
    }

    /// <summary>Copies the write-ahead log into the database file and truncates it (before a backup or a file copy).</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // WAL is persistent in the file; the rest is per connection: a 64 MB page cache and memory-mapped reads
            // (256 MB) so long scans (the digest streams a million events) skip read() calls, temp b-trees in memory.
            pragma.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;
                PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;
                """;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
        initGate.Dispose();
        WriteGate.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }
}
