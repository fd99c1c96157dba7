using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Core.Tests.Pipeline;

public sealed class DeliveryProcessorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryDeliveryLedger _deliveries = new();
    private readonly InMemoryEvaluationLedger _evaluations = new();
    private readonly RecordingScheduler _scheduler = new();
    private readonly Mock<IDeliveryHandler> _handler = new(MockBehavior.Strict);

    public DeliveryProcessorTests() => _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);

    [Fact]
    public async Task ProcessAsync_NewDelivery_RecordsEvaluationsAndMarksProcessed()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7", GapCodes.NoComponent)] });

        var outcome = await Processor().ProcessAsync(Delivery("d1"), default);

        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        var record = await _deliveries.GetAsync(Platforms.GitHub, "d1", default);
        Assert.Equal(DeliveryStatus.Processed, record!.Status);
        var stored = await _evaluations.GetLatestAsync(ItemSource.GitHub, "octo/app#7", default);
        Assert.Equal(Start, stored!.FirstSeen);
        Assert.Equal(GapSeverity.Block, stored.Gaps[GapCodes.NoComponent]);
        Assert.Equal([GapCodes.NoComponent], outcome.GapEvents.Select(e => e.Code));
    }

    [Fact]
    public async Task ProcessAsync_SameDeliveryTwice_HandlesOnce()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryResult());
        var processor = Processor();

        await processor.ProcessAsync(Delivery("d1"), default);
        var second = await processor.ProcessAsync(Delivery("d1"), default);

        Assert.Equal(ProcessingStatus.Duplicate, second.Status);
        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_LaterEvaluation_KeepsFirstSeenAndClosesFixedGap()
    {
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7", GapCodes.NoComponent)] })
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7")] });
        var processor = Processor();

        await processor.ProcessAsync(Delivery("d1"), default);
        _time.Advance(TimeSpan.FromHours(3));
        var outcome = await processor.ProcessAsync(Delivery("d2"), default);

        var stored = await _evaluations.GetLatestAsync(ItemSource.GitHub, "octo/app#7", default);
        Assert.Equal(Start, stored!.FirstSeen);
        Assert.Equal(Start.AddHours(3), stored.EvaluatedAt);
        var closed = Assert.Single(outcome.GapEvents);
        Assert.Equal(GapEventKind.Closed, closed.Kind);
    }

    [Fact]
    public async Task ProcessAsync_GoneItem_RecordsItClosedAndClosesItsGapsWithIt()
    {
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7", GapCodes.NoComponent)] })
            .ReturnsAsync(new DeliveryResult { Gone = [new GoneItem(ItemSource.GitHub, "octo/app#7"), new GoneItem(ItemSource.GitHub, "octo/app#8")] });
        var processor = Processor();

        await processor.ProcessAsync(Delivery("d1"), default);
        _time.Advance(TimeSpan.FromHours(3));
        var outcome = await processor.ProcessAsync(Delivery("d2"), default);

        var stored = await _evaluations.GetLatestAsync(ItemSource.GitHub, "octo/app#7", default);
        Assert.False(stored!.IsOpen);
        Assert.Equal(Start.AddHours(3), stored.EvaluatedAt);
        Assert.Null(await _evaluations.GetLatestAsync(ItemSource.GitHub, "octo/app#8", default));
        var closed = Assert.Single(outcome.GapEvents);
        Assert.Equal((GapCodes.NoComponent, GapEventKind.ItemClosed, Start.AddHours(3)), (closed.Code, closed.Kind, closed.At));
    }

    [Fact]
    public async Task ProcessAsync_TransientFailureWithRetryAfter_MarksFailedAndRequeuesAfterThatDelay()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TransientDeliveryException("429 from api.github.com") { RetryAfter = TimeSpan.FromSeconds(42) });

        var outcome = await Processor().ProcessAsync(Delivery("d1"), default);

        Assert.Equal(ProcessingStatus.RetryScheduled, outcome.Status);
        var (requeued, delay) = Assert.Single(_scheduler.Enqueued);
        Assert.Equal(1, requeued.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(42), delay);
        var record = await _deliveries.GetAsync(Platforms.GitHub, "d1", default);
        Assert.Equal(DeliveryStatus.Failed, record!.Status);
        Assert.Contains("429", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_LastAttemptFails_ParksAsPoisonAndLaterDeliveryIsNotRetried()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("502 Bad Gateway"));
        var processor = Processor(maxAttempts: 3);

        var outcome = await processor.ProcessAsync(Delivery("d1") with { Attempts = 2 }, default);
        var again = await processor.ProcessAsync(Delivery("d1"), default);

        Assert.Equal(ProcessingStatus.Poisoned, outcome.Status);
        Assert.Empty(_scheduler.Enqueued);
        Assert.Contains("retry budget of 3 spent", Assert.Single(_scheduler.Poisoned).Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Poison, (await _deliveries.GetAsync(Platforms.GitHub, "d1", default))!.Status);
        Assert.Equal(ProcessingStatus.Duplicate, again.Status);
    }

    [Fact]
    public async Task ProcessAsync_HandlerDefect_PoisonsAtOnceWithReason()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("bug"));

        var outcome = await Processor().ProcessAsync(Delivery("d1"), default);

        Assert.Equal(ProcessingStatus.Poisoned, outcome.Status);
        Assert.Equal("InvalidOperationException: bug", outcome.Error);
        Assert.Empty(_scheduler.Enqueued);
    }

    [Fact]
    public async Task ProcessAsync_UnknownPlatform_Poisons()
    {
        var outcome = await Processor().ProcessAsync(Delivery("d1") with { Platform = "gitlab" }, default);

        Assert.Equal(ProcessingStatus.Poisoned, outcome.Status);
        Assert.Contains("gitlab", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayAsync_PoisonDelivery_ProcessesWithFreshBudget()
    {
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TransientDeliveryException("503"))
            .ReturnsAsync(new DeliveryResult());
        var processor = Processor(maxAttempts: 1);
        await processor.ProcessAsync(Delivery("d1"), default);

        var outcome = await processor.ReplayAsync(Delivery("d1") with { Attempts = 9 }, default);

        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        Assert.Equal(0, outcome.Delivery.Attempts);
        Assert.Equal(DeliveryStatus.Processed, (await _deliveries.GetAsync(Platforms.GitHub, "d1", default))!.Status);
    }

    [Theory]
    [InlineData(1, null, 5)]
    [InlineData(2, null, 10)]
    [InlineData(3, null, 20)]
    [InlineData(30, null, 600)]
    [InlineData(1, 7, 7)]
    [InlineData(1, 3600, 600)]
    public void RetryDelay_BacksOffExponentiallyOrHonoursRetryAfter_CappedAtMax(int failedAttempts, int? retryAfterSeconds, int expectedSeconds)
    {
        var options = new DeliveryProcessorOptions();

        var delay = options.RetryDelay(failedAttempts, retryAfterSeconds is null ? null : TimeSpan.FromSeconds(retryAfterSeconds.Value));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    private DeliveryProcessor Processor(int maxAttempts = 5) =>
        new([_handler.Object], _deliveries, _evaluations, _scheduler, new DeliveryProcessorOptions { MaxAttempts = maxAttempts }, _time);

    private static Delivery Delivery(string id) => new()
    {
        Platform = Platforms.GitHub,
        Id = id,
        EventName = "pull_request",
        Body = "{}",
        ReceivedAt = Start,
    };

    private static ItemEvaluation Evaluation(string id, params string[] gapCodes) => new()
    {
        Item = new WorkItem { Id = id, Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Add KYC check" },
        Layer = Layer.Logic,
        Trace = Trace.Empty,
        Gaps = [.. gapCodes.Select(c => new Gap(c, GapSeverity.Block, "missing", "link it", []))],
    };
}
