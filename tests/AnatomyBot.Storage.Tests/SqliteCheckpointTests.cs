using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>Writes never checkpoint the write-ahead log inside their commit; a background checkpoint copies it into the
/// database file every <see cref="SqliteLedgerDatabase.CheckpointEvery"/> writes.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private const int BodyChars = 25_000;
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Writes_LeavePagesInTheWal_UntilTheBackgroundCheckpointCopiesThemIntoTheFile()
    {
        var path = folder.File("ledger.db");
        using var database = new SqliteLedgerDatabase(path);
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

    public void Dispose() => folder.Dispose();

    private static Delivery Delivery(int i) => new()
    {
        Platform = Platforms.GitHub,
        Id = $"d-{i}",
        EventName = "pull_request",
        Body = new string('x', BodyChars),
        ReceivedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
    };
}
