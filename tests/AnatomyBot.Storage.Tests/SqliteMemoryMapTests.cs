using AnatomyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>Mapped pages of the ledger file count in the process's resident memory, so only the long reads map it, and
/// a connection they used goes back to the pool as every other: no map, the small page cache.</summary>
public sealed class SqliteMemoryMapTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task OpenAsync_NewConnection_DoesNotMapTheFile()
    {
        using var database = new SqliteLedgerDatabase(folder.File("ledger.db"));

        await using var connection = await database.OpenAsync(default);

        Assert.Equal((0L, -(long)SqliteLedgerDatabase.CacheKib), await PragmasAsync(connection));
    }

    [Fact]
    public async Task OpenAsync_AfterTheDigestScans_PooledConnectionIsSetBack()
    {
        using var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        var ledger = new SqliteEvaluationLedger(database);
        await ledger.RecordAsync([LedgerData.Evaluation("acme/shop#1", LedgerData.T0, "missing-component")], default);
        await foreach (var gapEvent in ledger.ListGapEventsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default))
        {
            Assert.Equal("acme/shop#1", gapEvent.ItemId);
        }

        await foreach (var latest in ledger.ListLatestAsync(default))
        {
            Assert.Equal("acme/shop#1", latest.ItemId);
        }

        await using var connection = await database.OpenAsync(default);

        Assert.Equal((0L, -(long)SqliteLedgerDatabase.CacheKib), await PragmasAsync(connection));
    }

    [Fact]
    public async Task OpenAsync_ScanConnection_MapsTheFileWithTheLargerCache()
    {
        using var database = new SqliteLedgerDatabase(folder.File("ledger.db"));

        await using var scan = await SqliteScanConnection.OpenAsync(database, default);

        Assert.Equal((256L * 1024 * 1024, -65536L), await PragmasAsync(scan.Connection));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private static async Task<(long MapBytes, long CacheSize)> PragmasAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size;";
        var map = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA cache_size;";
        return (map, (long)(await command.ExecuteScalarAsync())!);
    }
}
