using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Core.Tests.Pipeline;

/// <summary>What the processor records in <see cref="AnatomyBotTelemetry"/>, observed with collectors on a per-test meter
/// factory.</summary>
public sealed class DeliveryProcessorTelemetryTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Received);
    private readonly TestMeterFactory _meters = new();
    private readonly AnatomyBotTelemetry _telemetry;
    private readonly Mock<IDeliveryHandler> _handler = new(MockBehavior.Strict);
    private readonly DeliveryProcessor _processor;

    public DeliveryProcessorTelemetryTests()
    {
        _telemetry = new AnatomyBotTelemetry(_meters);
        _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        _processor = new([_handler.Object], new InMemoryDeliveryLedger(), new InMemoryEvaluationLedger(), new RecordingScheduler(), new DeliveryProcessorOptions { MaxAttempts = 2 }, _time, _telemetry);
    }

    [Fact]
    public async Task ProcessAsync_Evaluated_CountsTheDeliveryTimesTheVerdictAndOpensTheGaps()
    {
        using var deliveries = Collector<long>("anatomybot.deliveries");
        using var duration = Collector<double>("anatomybot.verdict.duration");
        using var gaps = Collector<long>("anatomybot.gaps.open");
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .Callback(() => _time.Advance(TimeSpan.FromSeconds(3)))
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7", GapCodes.NoComponent, GapCodes.NoOutcome)] });

        await _processor.ProcessAsync(Delivery("d1"), default);

        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal(1, delivery.Value);
        Assert.Equal(Platforms.GitHub, delivery.Tags["platform"]);
        Assert.Equal("processed", delivery.Tags["outcome"]);
        var verdict = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal(3.0, verdict.Value);
        Assert.Equal(Platforms.GitHub, verdict.Tags["platform"]);
        Assert.Equal(
            [(GapCodes.NoComponent, 1L), (GapCodes.NoOutcome, 1L)],
            gaps.GetMeasurementSnapshot().Select(m => ((string)m.Tags["code"]!, m.Value)).Order());
    }

    [Fact]
    public async Task ProcessAsync_GapFixedLater_RecordsItsClose()
    {
        using var gaps = Collector<long>("anatomybot.gaps.open");
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7", GapCodes.NoComponent)] })
            .ReturnsAsync(new DeliveryResult { Evaluations = [Evaluation("octo/app#7")] });

        await _processor.ProcessAsync(Delivery("d1"), default);
        await _processor.ProcessAsync(Delivery("d2"), default);

        Assert.Equal([1L, -1L], gaps.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(gaps.GetMeasurementSnapshot(), m => Assert.Equal(GapCodes.NoComponent, m.Tags["code"]));
    }

    [Fact]
    public async Task ProcessAsync_SkippedDuplicateRetryAndPoison_AreCountedByOutcomeWithoutAVerdict()
    {
        using var deliveries = Collector<long>("anatomybot.deliveries");
        using var duration = Collector<double>("anatomybot.verdict.duration");
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DeliveryResult.Skip("ping"))
            .ThrowsAsync(new TransientDeliveryException("503"))
            .ThrowsAsync(new TransientDeliveryException("503"));

        await _processor.ProcessAsync(Delivery("d1"), default);
        await _processor.ProcessAsync(Delivery("d1"), default);
        var retry = await _processor.ProcessAsync(Delivery("d2"), default);
        await _processor.ProcessAsync(retry.Delivery, default);

        Assert.Equal(["skipped", "duplicate", "retry", "poisoned"], deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        Assert.Empty(duration.GetMeasurementSnapshot());
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _meters.Dispose();
    }

    private MetricCollector<T> Collector<T>(string instrument)
        where T : struct => new(_meters, AnatomyBotTelemetry.Name, instrument);

    private static Delivery Delivery(string id) => new()
    {
        Platform = Platforms.GitHub,
        Id = id,
        EventName = "pull_request",
        Body = "{}",
        ReceivedAt = Received,
    };

    private static ItemEvaluation Evaluation(string id, params string[] gapCodes) => new()
    {
        Item = new WorkItem { Id = id, Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Add KYC check" },
        Layer = Layer.Logic,
        Trace = Trace.Empty,
        Gaps = [.. gapCodes.Select(c => new Gap(c, GapSeverity.Block, "missing", "link it", []))],
    };
}
