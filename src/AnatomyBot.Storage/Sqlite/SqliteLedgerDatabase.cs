using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>One SQLite ledger file: opens pooled connections (WAL, busy timeout) and brings the schema up to date once,
/// on first use. Safe for concurrent callers in one process; readers never block (WAL). Writes are serialised in-process
/// on one connection held open (no open and PRAGMAs per write), single statements are group-committed
/// (<see cref="Batcher"/>), and the write-ahead log is checkpointed in the background every <see cref="CheckpointEvery"/> writes instead of inside a
/// commit (SQLite's automatic checkpoint would copy and sync pages while every queued writer waits). Once writes pause
/// for <see cref="DefaultIdleCheckpoint"/>, the log is copied in whole and truncated to zero bytes, so it does not keep
/// the size of the last burst; that checkpoint never waits for readers (it is tried again at the next pause).</summary>
public sealed class SqliteLedgerDatabase : IDisposable
{
    /// <summary>Writes between background checkpoints: about 2.5 MB of WAL with webhook-sized deliveries (SQLite's own
    /// automatic checkpoint runs at 4 MB).</summary>
    internal const int CheckpointEvery = 100;

    /// <summary>What the write-ahead log file is cut back to when SQLite starts it over (after a checkpoint has copied all
    /// of it): a burst may grow the file, but it does not stay that large.</summary>
    internal const long DefaultJournalSizeLimit = 64L * 1024 * 1024;

    /// <summary>How long writes must pause before the log is checkpointed in whole and truncated.</summary>
    internal static readonly TimeSpan DefaultIdleCheckpoint = TimeSpan.FromSeconds(2);

    /// <summary>Each connection's page cache, in KiB (SQLite's negative <c>cache_size</c>): 8 MB. Long reads take more
    /// while they run (<see cref="SqliteScanConnection"/>).</summary>
    internal const int CacheKib = 8192;

    /// <summary>No memory map by default: the pages of a mapped file that reads touch count in the process's resident
    /// memory until the kernel takes them back (up to the whole map), so the connections that store, reload and read
    /// deliveries read through the OS's file cache instead. Long scans map the file while they run.</summary>
    private static readonly string ConnectionPragmas = $"""
        PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;
        PRAGMA cache_size=-{CacheKib}; PRAGMA mmap_size=0; PRAGMA temp_store=MEMORY;
        """;

    private readonly string connectionString;
    private readonly string journalSizeLimitPragma;
    private readonly SemaphoreSlim initGate = new(1, 1);
    private readonly TimeProvider timeProvider;
    private readonly Lock checkpointLock = new();
    private volatile bool initialized;
    private SqliteConnection? writer;
    private int writesSinceCheckpoint;
    private SqliteConnection? checkpointer;
    private Task checkpointing = Task.CompletedTask;
    private bool disposed;
    private readonly TimeSpan idleCheckpoint;
    private ITimer? idleTimer;
    private long lastWrite;
    private int writtenSinceTruncate;

    public SqliteLedgerDatabase(string path, TimeProvider? timeProvider = null)
        : this(path, timeProvider, DefaultJournalSizeLimit)
    {
    }

    /// <param name="path">The ledger file.</param>
    /// <param name="timeProvider">The clock (migrations' timestamps, the idle checkpoint's timer).</param>
    /// <param name="journalSizeLimit">What the log file is cut back to when SQLite starts it over.</param>
    /// <param name="idleCheckpoint">How long writes must pause before the truncating checkpoint (default
    /// <see cref="DefaultIdleCheckpoint"/>; <see cref="Timeout.InfiniteTimeSpan"/>: never).</param>
    internal SqliteLedgerDatabase(string path, TimeProvider? timeProvider, long journalSizeLimit, TimeSpan? idleCheckpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(journalSizeLimit);
        this.idleCheckpoint = idleCheckpoint ?? DefaultIdleCheckpoint;
        journalSizeLimitPragma = string.Create(System.Globalization.CultureInfo.InvariantCulture, $" PRAGMA journal_size_limit={journalSizeLimit};");
        this.timeProvider = timeProvider ?? TimeProvider.System;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Batcher = new SqliteWriteBatcher(this);
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

    /// <summary>Single-statement writes committed together (group commit).</summary>
    internal SqliteWriteBatcher Batcher { get; }

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

    /// <summary>Runs <paramref name="write"/> on the writer connection, one write at a time in this process. The writer
    /// connection never checkpoints by itself; every <see cref="CheckpointEvery"/> writes a passive checkpoint runs on
    /// another connection in the background, which does not block writers in WAL mode.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(write, 1, cancellationToken);

    /// <summary>Like <see cref="WriteAsync{T}(Func{SqliteConnection, Task{T}}, CancellationToken)"/> for a write that
    /// counts as <paramref name="writes"/> towards the next background checkpoint (a batch of statements).</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, int writes, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            writer ??= await OpenRawAsync(cancellationToken, "PRAGMA wal_autocheckpoint=0;").ConfigureAwait(false);
            return await write(writer).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // The statement failed (I/O error, full disk, locked by another process): its transaction rolled back, but the
            // connection may not be usable any more, so the next write opens a fresh one.
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                writer = null;
            }

            throw;
        }
        finally
        {
            WriteGate.Release();
            Volatile.Write(ref lastWrite, timeProvider.GetTimestamp());
            Volatile.Write(ref writtenSinceTruncate, 1);
            if (Interlocked.Add(ref writesSinceCheckpoint, writes) >= CheckpointEvery)
            {
                StartCheckpoint();
            }

            if (idleTimer is null && idleCheckpoint != Timeout.InfiniteTimeSpan)
            {
                StartIdleTimer();
            }
        }
    }

    /// <summary>Checks, every half <see cref="idleCheckpoint"/> once there has been a write, whether writes have paused.</summary>
    private void StartIdleTimer()
    {
        lock (checkpointLock)
        {
            if (!disposed && idleTimer is null)
            {
                var period = idleCheckpoint / 2;
                idleTimer = timeProvider.CreateTimer(_ => OnIdleTick(), null, period, period);
            }
        }
    }

    private void OnIdleTick()
    {
        if (Volatile.Read(ref writtenSinceTruncate) == 0
            || timeProvider.GetElapsedTime(Volatile.Read(ref lastWrite)) < idleCheckpoint)
        {
            return;
        }

        lock (checkpointLock)
        {
            if (disposed || !checkpointing.IsCompleted)
            {
                return;
            }

            Volatile.Write(ref writtenSinceTruncate, 0);
            checkpointing = Task.Run(CheckpointTruncateAsync);
        }
    }

    /// <summary>The background checkpoint started last (completed when none ran yet).</summary>
    internal Task LastCheckpoint
    {
        get
        {
            lock (checkpointLock)
            {
                return checkpointing;
            }
        }
    }

    private void StartCheckpoint()
    {
        lock (checkpointLock)
        {
            if (disposed || !checkpointing.IsCompleted)
            {
                return;
            }

            Volatile.Write(ref writesSinceCheckpoint, 0);
            checkpointing = Task.Run(CheckpointPassiveAsync);
        }
    }

    /// <summary>One background checkpoint at a time (<see cref="StartCheckpoint"/>), on a connection kept open for it: opening
    /// one per checkpoint cost its PRAGMAs and a page cache set up and torn down every time.</summary>
    private Task CheckpointPassiveAsync() => CheckpointAsync("PASSIVE");

    /// <summary>After a pause in writes: copies the whole log and truncates it to zero bytes. The checkpoint connection does
    /// not wait for locks (<c>busy_timeout=0</c>), so a reader in the middle of a long scan makes it give up instead of
    /// holding up the next writer; it is tried again at the next pause.</summary>
    private async Task CheckpointTruncateAsync()
    {
        if (!await CheckpointAsync("TRUNCATE").ConfigureAwait(false))
        {
            Volatile.Write(ref writtenSinceTruncate, 1);
        }
    }

    /// <summary>Runs one checkpoint; false when SQLite reports it could not complete (busy) or it failed.</summary>
    private async Task<bool> CheckpointAsync(string mode)
    {
        try
        {
            checkpointer ??= await OpenRawAsync(CancellationToken.None, "PRAGMA busy_timeout=0;").ConfigureAwait(false);
            using var command = checkpointer.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            using var reader = command.ExecuteReader();
            return reader.Read() && reader.GetInt32(0) == 0;
        }
        catch (SqliteException)
        {
            // Best effort by design: the pages stay in the write-ahead log (still durable, still read) and the next
            // checkpoint copies them; the connection is opened afresh.
            checkpointer?.Dispose();
            checkpointer = null;
            return false;
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken, string extraPragmas = "")
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // WAL is persistent in the file; the rest is per connection: an 8 MB page cache, no memory map, temp b-trees
            // in memory.
            pragma.CommandText = ConnectionPragmas + journalSizeLimitPragma + extraPragmas;
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
        Task pending;
        lock (checkpointLock)
        {
            disposed = true;
            pending = checkpointing;
            idleTimer?.Dispose();
            idleTimer = null;
        }

        pending.GetAwaiter().GetResult();
        checkpointer?.Dispose();
        checkpointer = null;
        writer?.Dispose();
        writer = null;
        initGate.Dispose();
        WriteGate.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }
}
