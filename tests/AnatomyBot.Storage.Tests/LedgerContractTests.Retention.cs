using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>Retention: old deliveries are deleted whatever their status, newer ones and the evaluation history stay.</summary>
public abstract partial class LedgerContractTests
{
    /// <summary>A new retention view over this test's storage.</summary>
    protected abstract IDeliveryRetention OpenRetention();

    [Fact]
    public async Task DeleteReceivedBefore_OldDeliveriesOfEveryStatus_DeletesThemAndKeepsNewerAndEvaluations()
    {
        var (deliveries, evaluations) = Open();
        var cutoff = T0.AddDays(30);
        await deliveries.TryAddAsync(Delivery("old-received", T0), None);
        await deliveries.TryAddAsync(Delivery("old-processed", T0.AddMinutes(1)), None);
        await deliveries.TryAddAsync(Delivery("old-failed", T0.AddMinutes(2), Platforms.AzureDevOps), None);
        await deliveries.TryAddAsync(Delivery("old-poison", T0.AddMinutes(3)), None);
        await deliveries.TryAddAsync(Delivery("at-cutoff", cutoff), None);
        await deliveries.TryAddAsync(Delivery("new", cutoff.AddDays(1)), None);
        await deliveries.MarkAsync(Platforms.GitHub, "old-processed", DeliveryStatus.Processed, cutoff.AddDays(2), null, None);
        await deliveries.MarkAsync(Platforms.AzureDevOps, "old-failed", DeliveryStatus.Failed, cutoff.AddDays(2), "HTTP 503", None);
        await deliveries.MarkAsync(Platforms.GitHub, "old-poison", DeliveryStatus.Poison, T0.AddHours(1), "HTTP 500", None);
        await deliveries.MarkAsync(Platforms.GitHub, "new", DeliveryStatus.Processed, cutoff.AddDays(1), null, None);
        var evaluation = Evaluation("o/r#1", T0, GapCodes.NoOutcome);
        var events = await evaluations.RecordAsync([evaluation], None);

        var deleted = await OpenRetention().DeleteReceivedBeforeAsync(cutoff, None);

        Assert.Equal(4, deleted);
        foreach (var (platform, id) in new[] { (Platforms.GitHub, "old-received"), (Platforms.GitHub, "old-processed"), (Platforms.AzureDevOps, "old-failed"), (Platforms.GitHub, "old-poison") })
        {
            Assert.Null(await deliveries.GetAsync(platform, id, None));
        }

        Assert.Equal(["at-cutoff"], (await deliveries.ListAsync(DeliveryStatus.Received, 10, None)).Select(r => r.Delivery.Id));
        Assert.Equal(["new"], (await deliveries.ListAsync(DeliveryStatus.Processed, 10, None)).Select(r => r.Delivery.Id));
        Assert.Empty(await deliveries.ListAsync(DeliveryStatus.Failed, 10, None));
        Assert.Empty(await deliveries.ListAsync(DeliveryStatus.Poison, 10, None));
        Assert.Equal(evaluation.Gaps, (await evaluations.GetLatestAsync(evaluation.Source, evaluation.ItemId, None))?.Gaps);
        Assert.Equal(events, await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddDays(1), None)));
        Assert.Equal(0, await OpenRetention().DeleteReceivedBeforeAsync(cutoff, None));
    }

    [Fact]
    public async Task DeleteReceivedBefore_DeletedDelivery_CanBeReceivedAgainUnderItsId()
    {
        var (deliveries, _) = Open();
        await deliveries.TryAddAsync(Delivery("d1", T0, body: "first"), None);

        Assert.Equal(1, await OpenRetention().DeleteReceivedBeforeAsync(T0.AddDays(31), None));

        Assert.True(await deliveries.TryAddAsync(Delivery("d1", T0.AddDays(31), body: "again"), None));
        Assert.Equal("again", (await deliveries.GetAsync(Platforms.GitHub, "d1", None))?.Delivery.Body);
    }
}
