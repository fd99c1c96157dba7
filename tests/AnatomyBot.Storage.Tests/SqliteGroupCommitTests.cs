using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>Concurrent adds are committed together; a statement that fails takes no other caller's write with it.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task ConcurrentAdds_OneUnstorable_OnlyThatOneFails_EveryOtherIsStored()
    {
        using var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        var ledger = new SqliteDeliveryLedger(database);
        await database.InitializeAsync(default);

        var adds = Enumerable.Range(0, 64).Select(i => ledger.TryAddAsync(Delivery(i) with { EventName = i == 17 ? null! : "pull_request" }, default)).ToList();
        var outcomes = await Task.WhenAll(adds.Select(async a =>
        {
            try
            {
                return await a ? "added" : "duplicate";
            }
            catch (InvalidOperationException)
            {
                return "failed";
            }
        }));

        Assert.Equal("failed", outcomes[17]);
        Assert.Equal(63, outcomes.Count(o => o == "added"));
        var stored = await ledger.ListAsync(DeliveryStatus.Received, 100, default);
        Assert.Equal(63, stored.Count);
        Assert.DoesNotContain(stored, r => r.Delivery.Id == "d-17");
    }

    public void Dispose() => folder.Dispose();

    private static Delivery Delivery(int i) => new()
    {
        Platform = Platforms.GitHub,
        Id = $"d-{i}",
        EventName = "pull_request",
        Body = "{}",
        ReceivedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
    };
}
