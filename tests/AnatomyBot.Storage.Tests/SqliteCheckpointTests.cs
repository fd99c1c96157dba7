using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>Writes never checkpoint the write-ahead log inside their commit; a background checkpoint copies it into the
/// database file every <see cref="SqliteLedgerDatabase.CheckpointEvery"/> writes, and once writes pause the log is
/// truncated. (The first two tests switch the pause off, so only what they look at can move the files.)</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private const int BodyChars = 25_000;
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

        // A burst: two checkpoints' worth of 25 KB deliveries, ~5 MB of log, far past the limit.
        for (var i = 0; i < 2 * SqliteLedgerDatabase.CheckpointEvery; i++)
        {
            await ledger.TryAddAsync(Delivery(i), default);
        }

        await database.LastCheckpoint;
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
        using var database = new SqliteLedgerDatabase(path, null, SqliteLedgerDatabase.DefaultJournalSizeLimit, TimeSpan.FromMilliseconds(200));
        var ledger = await WrittenAsync(database, 20);

        // (Fewer than CheckpointEvery writes: only a pause can copy them into the file and empty the log.)
        Assert.True(await WalEmptiedAsync(path, TimeSpan.FromSeconds(20)), "the log was not truncated after the pause");
        Assert.True(new FileInfo(path).Length >= 20 * BodyChars, $"{new FileInfo(path).Length} bytes in the database file");

        await ledger.TryAddAsync(Delivery(20), default);
        Assert.Equal(21, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, default)).Count);
    }

    [Fact]
    public async Task AReaderInTheMiddleOfAScan_HoldsUpNeitherTheNextWriterNorItsData_TheLogIsTruncatedAfterIt()
    {
        var path = folder.File("ledger.db");
        using var database = new SqliteLedgerDatabase(path, null, SqliteLedgerDatabase.DefaultJournalSizeLimit, TimeSpan.FromMilliseconds(100));
        var ledger = await WrittenAsync(database, 20);

        await using (var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await reader.OpenAsync();
            await using var scan = reader.BeginTransaction(deferred: true);
            await using var count = reader.CreateCommand();
            count.Transaction = scan;
            count.CommandText = "SELECT count(*) FROM deliveries;";
            Assert.Equal(20L, (long)(await count.ExecuteScalarAsync())!);

            // Several pauses pass while the scan holds its snapshot: each truncation gives up at once.
            await Task.Delay(TimeSpan.FromMilliseconds(600));
            var write = ledger.TryAddAsync(Delivery(20), default);
            Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5))));
            Assert.True(await write);
            Assert.True(new FileInfo(path + "-wal").Length > 0, "the log was cut under a reader's snapshot");
            Assert.Equal(20L, (long)(await count.ExecuteScalarAsync())!);
        }

        Assert.True(await WalEmptiedAsync(path, TimeSpan.FromSeconds(20)), "the log was not truncated once the reader was done");
        Assert.Equal(21, (await ledger.ListAsync(Core.Ledger.DeliveryStatus.Received, 1_000, default)).Count);
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

    private static async Task<bool> WalEmptiedAsync(string path, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (new FileInfo(path + "-wal") is { Exists: true, Length: 0 })
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
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
