using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>Delivery keys in pages: received order, resumed after the last key, only rows changed by a time.</summary>
public abstract partial class LedgerContractTests
{
    /// <summary>A new key view over this test's storage.</summary>
    protected abstract IDeliveryKeyLedger OpenKeys();

    [Fact]
    public async Task ListKeys_InPages_ReturnsEveryKeyOnceInReceivedOrderWithAttempts()
    {
        var (deliveries, _) = Open();
        foreach (var (id, platform, minutes) in new[] { ("c", Platforms.GitHub, 3), ("a", Platforms.GitHub, 1), ("b2", Platforms.GitHub, 2), ("b1", Platforms.AzureDevOps, 2), ("e", Platforms.GitHub, 5), ("done", Platforms.GitHub, 4) })
        {
            await deliveries.TryAddAsync(Delivery(id, T0.AddMinutes(minutes), platform), None);
        }

        await deliveries.MarkAsync(Platforms.GitHub, "done", DeliveryStatus.Processed, T0.AddMinutes(6), null, None);
        await deliveries.MarkAsync(Platforms.GitHub, "c", DeliveryStatus.Failed, T0.AddMinutes(6), "HTTP 502", None);
        await deliveries.MarkAsync(Platforms.GitHub, "c", DeliveryStatus.Received, T0.AddMinutes(7), null, None);
        var keys = OpenKeys();

        var first = await keys.ListKeysAsync(DeliveryStatus.Received, T0.AddHours(1), null, 2, None);
        var second = await keys.ListKeysAsync(DeliveryStatus.Received, T0.AddHours(1), first[^1], 2, None);
        var last = await keys.ListKeysAsync(DeliveryStatus.Received, T0.AddHours(1), second[^1], 2, None);

        Assert.Equal([("a", 1), ("b1", 2)], first.Select(k => (k.Id, k.ReceivedAt.Minute)));
        Assert.Equal([(Platforms.GitHub, "b2"), (Platforms.GitHub, "c")], second.Select(k => (k.Platform, k.Id)));
        Assert.Equal(1, second[^1].Attempts);
        Assert.Equal(["e"], last.Select(k => k.Id));
        Assert.Equal(Platforms.AzureDevOps, first[1].Platform);
    }

    [Fact]
    public async Task ListKeys_RowsChangedAfterTheTime_AreLeftOut()
    {
        var (deliveries, _) = Open();
        await deliveries.TryAddAsync(Delivery("before", T0), None);
        await deliveries.TryAddAsync(Delivery("failed-later", T0), None);
        await deliveries.TryAddAsync(Delivery("received-later", T0.AddMinutes(10)), None);
        await deliveries.MarkAsync(Platforms.GitHub, "failed-later", DeliveryStatus.Failed, T0.AddMinutes(10), "HTTP 503", None);

        var received = await OpenKeys().ListKeysAsync(DeliveryStatus.Received, T0.AddMinutes(5), null, 10, None);
        var failed = await OpenKeys().ListKeysAsync(DeliveryStatus.Failed, T0.AddMinutes(5), null, 10, None);
        var none = await OpenKeys().ListKeysAsync(DeliveryStatus.Received, T0.AddMinutes(5), null, 0, None);

        Assert.Equal(["before"], received.Select(k => k.Id));
        Assert.Empty(failed);
        Assert.Empty(none);
    }
}
