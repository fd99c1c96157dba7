using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>The behaviour every ledger backend must show. Each backend derives once and opens fresh storage per test.</summary>
public abstract partial class LedgerContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>New ledger instances over this test's storage (calling it again is "reopening").</summary>
    protected abstract (IDeliveryLedger Deliveries, IEvaluationLedger Evaluations) Open();

    /// <summary>A new fingerprint ledger over this test's storage.</summary>
    protected abstract IDeliveryFingerprintLedger OpenFingerprints();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task TryAdd_ConcurrentDuplicates_ExactlyOneAddPerDeliveryWins()
    {
        var (deliveries, _) = Open();
        var ids = Enumerable.Range(0, 50).Select(i => $"delivery-{i}").ToArray();
        var adds = Enumerable.Range(0, 200).Select(i => Task.Run(() => deliveries.TryAddAsync(Delivery(ids[i % 50], T0.AddSeconds(i)), None)));

        var results = await Task.WhenAll(adds);

        Assert.Equal(50, results.Count(added => added));
        var received = await deliveries.ListAsync(DeliveryStatus.Received, 1000, None);
        Assert.Equal(ids.Order(StringComparer.Ordinal), received.Select(r => r.Delivery.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fingerprints_OtherDeliveryIdWithinTheWindow_IsAReplay_SameIdOrAfterTheWindowIsNot()
    {
        var fingerprints = OpenFingerprints();
        var window = TimeSpan.FromHours(24);

        Assert.True(await fingerprints.TryRecordAsync(Platforms.GitHub, "f1", "d1", T0, T0 - window, None));
        Assert.True(await fingerprints.TryRecordAsync(Platforms.GitHub, "f1", "d1", T0.AddHours(1), T0.AddHours(1) - window, None));
        Assert.False(await fingerprints.TryRecordAsync(Platforms.GitHub, "f1", "d2", T0.AddHours(23), T0.AddHours(23) - window, None));
        Assert.True(await fingerprints.TryRecordAsync(Platforms.AzureDevOps, "f1", "d2", T0.AddHours(23), T0.AddHours(23) - window, None));
        Assert.True(await fingerprints.TryRecordAsync(Platforms.GitHub, "f1", "d3", T0.AddHours(25), T0.AddHours(25) - window, None));
        Assert.False(await OpenFingerprints().TryRecordAsync(Platforms.GitHub, "f1", "d1", T0.AddHours(26), T0.AddHours(26) - window, None));
    }

    [Fact]
    public async Task Fingerprints_OneBodyUnderManyIdsAtOnce_ExactlyOneWins()
    {
        var fingerprints = OpenFingerprints();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => fingerprints.TryRecordAsync(Platforms.GitHub, "same-body", $"d{i}", T0, T0.AddDays(-1), None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Fingerprints_Purge_ForgetsOnlyTheOlderOnes()
    {
        var fingerprints = OpenFingerprints();
        await fingerprints.TryRecordAsync(Platforms.GitHub, "old", "d1", T0, T0.AddDays(-1), None);
        await fingerprints.TryRecordAsync(Platforms.GitHub, "new", "d2", T0.AddDays(2), T0.AddDays(1), None);

        Assert.Equal(1, await fingerprints.PurgeAsync(T0.AddDays(1), None));

        Assert.True(await fingerprints.TryRecordAsync(Platforms.GitHub, "old", "d3", T0.AddDays(2), T0.AddDays(-5), None));
        Assert.False(await fingerprints.TryRecordAsync(Platforms.GitHub, "new", "d4", T0.AddDays(2), T0.AddDays(-5), None));
    }

    [Fact]
    public async Task TryAdd_KnownDelivery_ReturnsFalseAndKeepsTheFirst()
    {
        var (deliveries, _) = Open();
        Assert.True(await deliveries.TryAddAsync(Delivery("d1", body: "first"), None));

        Assert.False(await deliveries.TryAddAsync(Delivery("d1", T0.AddMinutes(1), body: "second"), None));
        Assert.True(await deliveries.TryAddAsync(Delivery("d1", platform: Platforms.AzureDevOps), None));

        var record = await deliveries.GetAsync(Platforms.GitHub, "d1", None);
        Assert.Equal("first", record?.Delivery.Body);
        Assert.Equal(T0, record?.Delivery.ReceivedAt);
        Assert.Equal(DeliveryStatus.Received, record?.Status);
    }

    [Fact]
    public async Task Mark_MovesDeliveriesBetweenStatuses_AndListsOldestFirst()
    {
        var (deliveries, _) = Open();
        foreach (var (id, minutes) in new[] { ("c", 3), ("a", 1), ("b", 2), ("d", 4) })
        {
            await deliveries.TryAddAsync(Delivery(id, T0.AddMinutes(minutes)), None);
        }

        await deliveries.MarkAsync(Platforms.GitHub, "b", DeliveryStatus.Processed, T0.AddHours(1), null, None);
        await deliveries.MarkAsync(Platforms.GitHub, "d", DeliveryStatus.Failed, T0.AddHours(1), "HTTP 502", None);
        await deliveries.MarkAsync(Platforms.GitHub, "d", DeliveryStatus.Poison, T0.AddHours(2), "HTTP 502 again", None);

        Assert.Equal(["a", "c"], (await deliveries.ListAsync(DeliveryStatus.Received, 10, None)).Select(r => r.Delivery.Id));
        Assert.Equal(["a"], (await deliveries.ListAsync(DeliveryStatus.Received, 1, None)).Select(r => r.Delivery.Id));
        Assert.Equal(["b"], (await deliveries.ListAsync(DeliveryStatus.Processed, 10, None)).Select(r => r.Delivery.Id));
        Assert.Empty(await deliveries.ListAsync(DeliveryStatus.Failed, 10, None));
        var poison = Assert.Single(await deliveries.ListAsync(DeliveryStatus.Poison, 10, None));
        Assert.Equal(("d", "HTTP 502 again", 2, T0.AddHours(2)), (poison.Delivery.Id, poison.LastError, poison.Delivery.Attempts, poison.UpdatedAt));
    }

    [Fact]
    public async Task Mark_UnknownDelivery_ChangesNothing()
    {
        var (deliveries, _) = Open();

        await deliveries.MarkAsync(Platforms.GitHub, "never-seen", DeliveryStatus.Processed, T0, null, None);

        Assert.Null(await deliveries.GetAsync(Platforms.GitHub, "never-seen", None));
        Assert.Empty(await deliveries.ListAsync(DeliveryStatus.Processed, 10, None));
    }

    [Fact]
    public async Task Delivery_LargeBody_RoundTripsExactly()
    {
        var (deliveries, _) = Open();
        var body = string.Concat(Enumerable.Range(0, 9_000).Select(i => $"{i:D7},"));

        await deliveries.TryAddAsync(Delivery("big", body: body), None);

        Assert.Equal(body, (await deliveries.GetAsync(Platforms.GitHub, "big", None))?.Delivery.Body);
    }

    [Fact]
    public async Task Delivery_ReceivedAsUtf8Bytes_ReadsBackAsTheSameText()
    {
        var (deliveries, _) = Open();
        const string body = """{"title":"Zahlungsübersicht – 支払い 🚀","n":1}""";

        await deliveries.TryAddAsync(Delivery("bytes") with { Body = null!, Utf8Body = System.Text.Encoding.UTF8.GetBytes(body) }, None);

        Assert.Equal(body, (await deliveries.GetAsync(Platforms.GitHub, "bytes", None))?.Delivery.Body);
    }

    [Fact]
    public async Task Record_ChangedGaps_AppendsTheEventsOfGapTransitions()
    {
        var (_, evaluations) = Open();
        var first = Evaluation("o/r#1", T0, GapCodes.NoOutcome, GapCodes.NoComponent);
        var second = Evaluation("o/r#1", T0.AddHours(1), GapCodes.NoComponent, GapCodes.NoLogic);

        var opened = await evaluations.RecordAsync([first], None);
        var changed = await evaluations.RecordAsync([second], None);
        var unchanged = await evaluations.RecordAsync([second with { EvaluatedAt = T0.AddHours(2) }], None);

        Assert.Equal(GapTransitions.Between(null, first), opened);
        var expected = GapTransitions.Between(first, second);
        Assert.Equal(expected, changed);
        Assert.Equal(
            [(GapCodes.NoLogic, GapEventKind.Opened), (GapCodes.NoOutcome, GapEventKind.Closed)],
            expected.Select(e => (e.Code, e.Kind)));
        Assert.Empty(unchanged);
        var stored = await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddDays(1), None));
        Assert.Equal([.. opened, .. changed], stored.OrderBy(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_ItemClosedThenReopened_StoresGapsClosedWithTheItemApartFromFixes()
    {
        var (_, evaluations) = Open();
        var open = Evaluation("o/r#2", T0, GapCodes.NoOutcome);
        var closed = open with { IsOpen = false, MergedAt = T0.AddHours(1), EvaluatedAt = T0.AddHours(1) };
        var reopened = open with { EvaluatedAt = T0.AddHours(2) };

        await evaluations.RecordAsync([open], None);
        var closing = await evaluations.RecordAsync([closed], None);
        var reopening = await evaluations.RecordAsync([reopened], None);

        Assert.Equal([(GapCodes.NoOutcome, GapEventKind.ItemClosed, "item-closed")], closing.Select(e => (e.Code, e.Kind, e.Reason)));
        Assert.Equal([(GapCodes.NoOutcome, GapEventKind.Opened)], reopening.Select(e => (e.Code, e.Kind)));
        var stored = await ToListAsync(evaluations.ListGapEventsAsync(T0.AddMinutes(30), T0.AddMinutes(90), None));
        Assert.Equal(closing, stored);
    }

    [Fact]
    public async Task Record_Latest_RoundTripsEveryField_AndKeepsFirstSeen()
    {
        var (_, evaluations) = Open();
        var first = Evaluation(ItemSource.AzureDevOps, "4711", T0, GapCodes.NoOutcome);
        var latest = first with
        {
            Kind = ItemKind.PullRequest,
            Title = "Verify identity — ünïcode",
            Url = "https://dev.azure.com/org/p/_git/r/pullrequest/4711",
            Scope = "Onboarding\\Identity",
            Layer = Layer.Component,
            Trace = new Trace(["o1", "o2"], ["s1"], ["l1"], ["c1", "c2"]),
            Gaps = new Dictionary<string, GapSeverity> { [GapCodes.UnknownRef] = GapSeverity.Info, [GapCodes.NoWorkItem] = GapSeverity.Block },
            IsExempt = true,
            IsOpen = false,
            MergedAt = T0.AddDays(2).AddTicks(1234567),
            FirstSeen = T0.AddDays(1),
            EvaluatedAt = T0.AddDays(2).AddTicks(7),
        };

        await evaluations.RecordAsync([first], None);
        await evaluations.RecordAsync([latest], None);

        var stored = await evaluations.GetLatestAsync(ItemSource.AzureDevOps, "4711", None);
        Assert.NotNull(stored);
        AssertSame(latest with { FirstSeen = T0 }, stored);
        Assert.Null(await evaluations.GetLatestAsync(ItemSource.GitHub, "4711", None));
    }

    [Fact]
    public async Task Record_OlderEvaluationThanStored_IsIgnored()
    {
        var (_, evaluations) = Open();
        await evaluations.RecordAsync([Evaluation("o/r#2", T0.AddHours(1), GapCodes.NoStage)], None);

        var events = await evaluations.RecordAsync([Evaluation("o/r#2", T0)], None);

        Assert.Empty(events);
        Assert.Equal([GapCodes.NoStage], (await evaluations.GetLatestAsync(ItemSource.GitHub, "o/r#2", None))!.Gaps.Keys);
    }

    [Fact]
    public async Task Record_SameItemTwiceInOneBatch_RecordsBothTransitions()
    {
        var (_, evaluations) = Open();

        var events = await evaluations.RecordAsync(
            [Evaluation("o/r#3", T0, GapCodes.NoOutcome), Evaluation("o/r#3", T0.AddMinutes(5))], None);

        Assert.Equal([GapEventKind.Opened, GapEventKind.Closed], events.Select(e => e.Kind));
        Assert.Empty((await evaluations.GetLatestAsync(ItemSource.GitHub, "o/r#3", None))!.Gaps);
        Assert.Equal(2, (await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddHours(1), None))).Count);
    }

    [Fact]
    public async Task Record_ManyItemsInOneCall_StoresEveryOne()
    {
        var (_, evaluations) = Open();
        var batch = Enumerable.Range(0, 250)
            .Select(i => Evaluation(i % 2 == 0 ? ItemSource.GitHub : ItemSource.AzureDevOps, $"item-{i}", T0.AddMinutes(i), GapCodes.NoOutcome))
            .ToArray();

        var events = await evaluations.RecordAsync(batch, None);

        Assert.Equal(250, events.Count);
        var latest = await ToListAsync(evaluations.ListLatestAsync(None));
        Assert.Equal(batch.Select(e => (e.Source, e.ItemId)).Order(), latest.Select(e => (e.Source, e.ItemId)).Order());
        Assert.Equal(250, (await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddDays(1), None))).Count);
    }

    [Fact]
    public async Task Record_ConcurrentCallersOnOneItem_KeepEventsConsistentWithTheLatest()
    {
        var (_, evaluations) = Open();
        var writes = Enumerable.Range(0, 24).Select(i => Task.Run(() => evaluations.RecordAsync(
            [Evaluation("o/r#9", T0.AddSeconds(i), i % 3 == 0 ? new[] { GapCodes.NoOutcome } : i % 3 == 1 ? new[] { GapCodes.NoLogic } : Array.Empty<string>())], None)));

        await Task.WhenAll(writes);

        var latest = await evaluations.GetLatestAsync(ItemSource.GitHub, "o/r#9", None);
        var events = await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddDays(1), None));
        foreach (var code in new[] { GapCodes.NoOutcome, GapCodes.NoLogic })
        {
            var balance = events.Count(e => e.Code == code && e.Kind == GapEventKind.Opened) - events.Count(e => e.Code == code && e.Kind == GapEventKind.Closed);
            Assert.Equal(latest!.Gaps.ContainsKey(code) ? 1 : 0, balance);
        }
    }

    [Fact]
    public async Task ListGapEvents_IncludesSince_ExcludesUntil_AcrossDayBoundaries()
    {
        var (_, evaluations) = Open();
        var midnight = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        var times = new[] { midnight.AddTicks(-1), midnight, midnight.AddTicks(1), midnight.AddDays(1) };
        await evaluations.RecordAsync([.. times.Select((t, i) => Evaluation($"item-{i}", t, GapCodes.NoStage))], None);

        async Task<DateTimeOffset[]> Range(DateTimeOffset since, DateTimeOffset until) =>
            [.. (await ToListAsync(evaluations.ListGapEventsAsync(since, until, None))).Select(e => e.At)];

        Assert.Equal(times, await Range(midnight.AddDays(-1), midnight.AddDays(2)));
        Assert.Equal([midnight, midnight.AddTicks(1)], await Range(midnight, midnight.AddDays(1)));
        Assert.Equal([midnight.AddTicks(-1)], await Range(midnight.AddTicks(-1), midnight));
        Assert.Empty(await Range(midnight, midnight));
        Assert.Empty(await Range(midnight.AddDays(2), midnight.AddDays(3)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.FromHours(1)), (await Range(midnight, midnight.AddTicks(1))).Single());
    }

    [Theory]
    [InlineData("octo-org/payments#45")]
    [InlineData("Onboarding\\Identity\\KYC?x=1")]
    [InlineData("a~7Eb|c%2Fd'e\"f")]
    [InlineData("tab\there #ünï/码")]
    public async Task AwkwardIds_RoundTripThroughEveryQuery(string id)
    {
        var (deliveries, evaluations) = Open();

        Assert.True(await deliveries.TryAddAsync(Delivery(id), None));
        Assert.False(await deliveries.TryAddAsync(Delivery(id), None));
        await deliveries.MarkAsync(Platforms.GitHub, id, DeliveryStatus.Failed, T0, "boom", None);
        await evaluations.RecordAsync([Evaluation(id, T0, GapCodes.NoOutcome)], None);

        Assert.Equal(id, (await deliveries.GetAsync(Platforms.GitHub, id, None))?.Delivery.Id);
        Assert.Equal(id, Assert.Single(await deliveries.ListAsync(DeliveryStatus.Failed, 10, None)).Delivery.Id);
        Assert.Equal(id, (await evaluations.GetLatestAsync(ItemSource.GitHub, id, None))?.ItemId);
        Assert.Equal(id, Assert.Single(await ToListAsync(evaluations.ListLatestAsync(None))).ItemId);
        Assert.Equal(id, Assert.Single(await ToListAsync(evaluations.ListGapEventsAsync(T0, T0.AddTicks(1), None))).ItemId);
        Assert.Null(await deliveries.GetAsync(Platforms.GitHub, id + "x", None));
    }

    [Fact]
    public async Task Reopened_KeepsDeliveriesEvaluationsAndEvents()
    {
        var (deliveries, evaluations) = Open();
        await deliveries.TryAddAsync(Delivery("kept"), None);
        await deliveries.MarkAsync(Platforms.GitHub, "kept", DeliveryStatus.Poison, T0.AddMinutes(1), "gone", None);
        var evaluation = Evaluation("o/r#7", T0, GapCodes.NoComponent);
        await evaluations.RecordAsync([evaluation], None);

        var (reopenedDeliveries, reopenedEvaluations) = Open();

        Assert.Equal("kept", Assert.Single(await reopenedDeliveries.ListAsync(DeliveryStatus.Poison, 10, None)).Delivery.Id);
        Assert.False(await reopenedDeliveries.TryAddAsync(Delivery("kept"), None));
        AssertSame(evaluation, (await reopenedEvaluations.GetLatestAsync(ItemSource.GitHub, "o/r#7", None))!);
        Assert.Single(await ToListAsync(reopenedEvaluations.ListGapEventsAsync(T0, T0.AddDays(1), None)));
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static void AssertSame(StoredEvaluation expected, StoredEvaluation actual)
    {
        Assert.Equal(
            (expected.Source, expected.ItemId, expected.Kind, expected.Title, expected.Url, expected.Scope, expected.Layer, expected.IsExempt, expected.IsOpen, expected.MergedAt, expected.FirstSeen, expected.EvaluatedAt),
            (actual.Source, actual.ItemId, actual.Kind, actual.Title, actual.Url, actual.Scope, actual.Layer, actual.IsExempt, actual.IsOpen, actual.MergedAt, actual.FirstSeen, actual.EvaluatedAt));
        Assert.Equal(expected.Trace.Outcomes, actual.Trace.Outcomes);
        Assert.Equal(expected.Trace.Stages, actual.Trace.Stages);
        Assert.Equal(expected.Trace.Logic, actual.Trace.Logic);
        Assert.Equal(expected.Trace.Components, actual.Trace.Components);
        Assert.Equal(expected.Gaps.OrderBy(g => g.Key, StringComparer.Ordinal), actual.Gaps.OrderBy(g => g.Key, StringComparer.Ordinal));
    }
}
