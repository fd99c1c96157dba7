using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Storage.Tests;

/// <summary>Writes never checkpoint the write-ahead log inside their commit; a background checkpoint copies it into the
/// database file every <see cref="SqliteLedgerDatabase.CheckpointEvery"/> writes, and once writes pause the log is
/// truncated. (The first two tests switch the pause off, so only what they look at can move the files; the others let the
/// pause pass on a fake clock.)</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private const int BodyChars = 25_000;

    /// <summary>How long writes must pause before the log is truncated (on the fake clock).</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    /// <summary>The bound on waiting for a background checkpoint: a guard against a hang, never a pause.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Writes_LeavePagesInTheWal_UntilTheBackgroundCheckpointCopiesThemIntoTheFile()
    {
        var path = folder.File("ledger.db");
        using var database = new SqliteLedgerDatabase(path, null, SqliteLedgerDatabase.DefaultJournalSizeLimit, Timeout.InfiniteTimeSpan);
        var ledger = new SqliteDeliveryLedger(database);

        for (var i = 0; i < SqliteLedgerDatabase.CheckpointEvery - 1; i++)
        {
            await ledger.TryAddAsync(Delivery(i), default);
        }

        await database.LastCheckpoint;
        var beforeCheckpoint = new FileInfo(path).Length;
        await ledger.TryAddAsync(Delivery(SqliteLedgerDatabase.CheckpointEvery), default);
        await database.LastCheckpoint;
        var afterCheckpoint = new FileInfo(path).Length;

        var written = (long)SqliteLedgerDatabase.CheckpointEvery * BodyChars;
        Assert.True(beforeCheckpoint < written / 4, $"{beforeCheckpoint} bytes in the file before the checkpoint");
        Assert.True(afterCheckpoint >= written, $"{afterCheckpoint} bytes in the file after it");
        Assert.Equal(SqliteLedgerDatabase.CheckpointEvery, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, default)).Count);
    }

    [Fact]
    public async Task AfterABurst_TheWalFileIsCutBackWhenSqliteStartsItOver()
    {
        const long Limit = 512 * 1024;
        var path = folder.File("ledger.db");
        using var database = new SqliteLedgerDatabase(path, null, Limit, Timeout.InfiniteTimeSpan);
        var ledger = new SqliteDeliveryLedger(database);

        // A burst: two checkpoints' worth of 25 KB deliveries, megabytes of log, far past the limit. Each checkpoint is
        // waited for, so the second one starts (a checkpoint due while one still runs is left to the next write).
        for (var i = 0; i < 2 * SqliteLedgerDatabase.CheckpointEvery; i++)
        {
            await ledger.TryAddAsync(Delivery(i), default);
            if ((i + 1) % SqliteLedgerDatabase.CheckpointEvery == 0)
            {
                await database.LastCheckpoint;
            }
        }

        var afterBurst = new FileInfo(path + "-wal").Length;
        await ledger.TryAddAsync(Delivery(10_000), default);
        var afterRestart = new FileInfo(path + "-wal").Length;

        Assert.True(afterBurst > 4 * Limit, $"{afterBurst} bytes of log after the burst");
        Assert.True(afterRestart <= Limit, $"{afterRestart} bytes of log once it started over");
        Assert.Equal(2 * SqliteLedgerDatabase.CheckpointEvery + 1, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, default)).Count);
    }

    [Fact]
    public async Task OnceWritesPause_TheWalIsTruncatedToZero_AndTheLedgerGoesOn()
    {
        var path = folder.File("ledger.db");
        var time = new FakeTimeProvider();
        using var database = new SqliteLedgerDatabase(path, time, SqliteLedgerDatabase.DefaultJournalSizeLimit, Pause);
        var ledger = await WrittenAsync(database, 20);

        // (Fewer than CheckpointEvery writes: only a pause can copy them into the file and empty the log.)
        await PassAsync(time, database, Pause / 2);
        Assert.True(new FileInfo(path + "-wal").Length > 0, "the log was truncated before writes had paused long enough");
        await PassAsync(time, database, Pause / 2);
        Assert.Equal(0, new FileInfo(path + "-wal").Length);
        Assert.True(new FileInfo(path).Length >= 20 * BodyChars, $"{new FileInfo(path).Length} bytes in the database file");

        await ledger.TryAddAsync(Delivery(20), TestContext.Current.CancellationToken);
        Assert.Equal(21, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task AReaderInTheMiddleOfAScan_HoldsUpNeitherTheNextWriterNorItsData_TheLogIsTruncatedAfterIt()
    {
        var path = folder.File("ledger.db");
        var time = new FakeTimeProvider();
        using var database = new SqliteLedgerDatabase(path, time, SqliteLedgerDatabase.DefaultJournalSizeLimit, Pause);
        var ledger = await WrittenAsync(database, 20);

        await using (var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await reader.OpenAsync(TestContext.Current.CancellationToken);
            await using var scan = reader.BeginTransaction(deferred: true);
            await using var count = reader.CreateCommand();
            count.Transaction = scan;
            count.CommandText = "SELECT count(*) FROM deliveries;";
            Assert.Equal(20L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);

            // Several pauses pass while the scan holds its snapshot: each truncation gives up at once (a truncation that
            // waited for the reader would never finish here, and the deadline would fail the test).
            await PassAsync(time, database, Pause * 3);
            var write = ledger.TryAddAsync(Delivery(20), TestContext.Current.CancellationToken);
            Assert.True(await write.WaitAsync(Deadline, TestContext.Current.CancellationToken));
            Assert.True(new FileInfo(path + "-wal").Length > 0, "the log was cut under a reader's snapshot");
            Assert.Equal(20L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }

        await PassAsync(time, database, Pause);
        Assert.Equal(0, new FileInfo(path + "-wal").Length);
        Assert.Equal(21, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, TestContext.Current.CancellationToken)).Count);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The delivery ledger of <paramref name="database"/> after <paramref name="count"/> deliveries were added.</summary>
    private static async Task<SqliteDeliveryLedger> WrittenAsync(SqliteLedgerDatabase database, int count)
    {
        var ledger = new SqliteDeliveryLedger(database);
        for (var i = 0; i < count; i++)
        {
            await ledger.TryAddAsync(Delivery(i), default);
        }

        return ledger;
    }

    /// <summary>Lets <paramref name="span"/> pass on the clock in steps of the idle timer's period, waiting after each
    /// step for the checkpoint it may have started.</summary>
    private static async Task PassAsync(FakeTimeProvider time, SqliteLedgerDatabase database, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += Pause / 2)
        {
            time.Advance(Pause / 2);
            await database.LastCheckpoint.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        }
    }

    private static Delivery Delivery(int i) => new()
    {
        Platform = Platforms.GitHub,
        Id = $"d-{i}",
        EventName = "pull_request",
        Body = new string('x', BodyChars),
        ReceivedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
    };
}
