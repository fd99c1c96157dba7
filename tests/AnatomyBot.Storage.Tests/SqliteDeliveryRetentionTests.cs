using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Sqlite;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>SQLite deletes old deliveries in chunks: more rows than one chunk are all deleted, and only those.</summary>
public sealed class SqliteDeliveryRetentionTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task DeleteReceivedBefore_MoreThanTwoChunks_DeletesEveryOldRowAndNoNewerOne()
    {
        using var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        var deliveries = new SqliteDeliveryLedger(database);
        var old = (2 * SqliteDeliveryRetention.ChunkRows) + 7;
        await Task.WhenAll(Enumerable.Range(0, old + 3).Select(i =>
            deliveries.TryAddAsync(Delivery($"d{i}", i < old ? T0.AddSeconds(i) : T0.AddDays(40).AddSeconds(i)), CancellationToken.None)));

        var deleted = await new SqliteDeliveryRetention(database).DeleteReceivedBeforeAsync(T0.AddDays(30), CancellationToken.None);

        Assert.Equal(old, deleted);
        var left = await deliveries.ListAsync(DeliveryStatus.Received, old, CancellationToken.None);
        Assert.Equal([$"d{old}", $"d{old + 1}", $"d{old + 2}"], left.Select(r => r.Delivery.Id));
    }

    public void Dispose() => folder.Dispose();
}
