using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Hosting.Tests.Processing;

/// <summary>The runner every host goes through: Core's processor over a real SQLite ledger, one log line per outcome at
/// the level an operator needs, inside a scope naming the delivery.</summary>
public sealed class ProcessingRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly RecordingScheduler _scheduler = new();
    private readonly FakeLogger<ProcessingRunner> _logs = new();
    private readonly Mock<IDeliveryHandler> _handler = new(MockBehavior.Strict);

    public ProcessingRunnerTests() => _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);

    [Fact]
    public async Task ProcessAsync_Handled_LogsInformationWithTheCountsAndMarksProcessed()
    {
        Handles(new DeliveryResult { ApiCalls = 3, Writes = 2 });

        var outcome = await Runner().ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Processed, outcome.Status);
        Assert.Equal(DeliveryStatus.Processed, (await _ledger.Deliveries.GetAsync(Platforms.GitHub, "d-1", TestContext.Current.CancellationToken))!.Status);
        var line = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal(
            (LogLevel.Information, "Processed delivery d-1 (issues): 0 items, 3 API calls, 2 writes, skipped: -"),
            (line.Level, line.Message));
    }

    [Fact]
    public async Task ProcessAsync_HandlerSkipped_LogsTheReason()
    {
        Handles(DeliveryResult.Skip("not an item event"));

        await Runner().ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        Assert.EndsWith("skipped: not an item event", Assert.Single(_logs.Collector.GetSnapshot()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_Logs_InsideAScopeNamingTheDelivery()
    {
        Handles(new DeliveryResult());

        await Runner().ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        var scope = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object>>>(Assert.Single(Assert.Single(_logs.Collector.GetSnapshot()).Scopes));
        Assert.Equal(
            [new("Platform", Platforms.GitHub), new("DeliveryId", "d-1"), new("EventName", "issues")],
            scope.ToArray());
    }

    [Fact]
    public async Task ProcessAsync_AlreadyProcessed_LogsDebugAndDoesNotHandleAgain()
    {
        Handles(new DeliveryResult());
        var runner = Runner();
        await runner.ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        var again = await runner.ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Duplicate, again.Status);
        var line = _logs.Collector.LatestRecord;
        Assert.Equal((LogLevel.Debug, "Delivery d-1 was already processed; nothing to do"), (line.Level, line.Message));
        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_TransientFailure_LogsAWarningWithTheAttemptAndTheDelay()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TransientDeliveryException("429 Too Many Requests") { RetryAfter = TimeSpan.FromSeconds(30) });

        var outcome = await Runner().ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.RetryScheduled, outcome.Status);
        var line = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal(
            (LogLevel.Warning, "Delivery d-1 failed (attempt 1); retrying in 00:00:30: TransientDeliveryException: 429 Too Many Requests"),
            (line.Level, line.Message));
        Assert.Equal([("d-1", 1, TimeSpan.FromSeconds(30))], _scheduler.Queued.Select(q => (q.Delivery.Id, q.Delivery.Attempts, q.Delay)));
    }

    [Fact]
    public async Task ProcessAsync_Defect_LogsAnErrorAndParksTheDelivery()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("mapping bug"));

        var outcome = await Runner().ProcessAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Poisoned, outcome.Status);
        var line = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, "Delivery d-1 parked as poison: InvalidOperationException: mapping bug"), (line.Level, line.Message));
        Assert.Equal("d-1", Assert.Single(_scheduler.Poisoned).Delivery.Id);
    }

    [Fact]
    public async Task ReplayAsync_ParkedDelivery_HandlesItAgainFromAttemptZero()
    {
        _handler.SetupSequence(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("mapping bug"))
            .ReturnsAsync(new DeliveryResult());
        var runner = Runner();
        await runner.ProcessAsync(Delivery("d-1") with { Attempts = 3 }, TestContext.Current.CancellationToken);

        var replayed = await runner.ReplayAsync(Delivery("d-1") with { Attempts = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal((ProcessingStatus.Processed, 0), (replayed.Status, replayed.Delivery.Attempts));
        Assert.Equal(DeliveryStatus.Processed, (await _ledger.Deliveries.GetAsync(Platforms.GitHub, "d-1", TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(LogLevel.Information, _logs.Collector.LatestRecord.Level);
    }

    public void Dispose() => _ledger.Dispose();

    private void Handles(DeliveryResult result) =>
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private ProcessingRunner Runner() => new(
        new DeliveryProcessor([_handler.Object], _ledger.Deliveries, _ledger.Evaluations, _scheduler, new DeliveryProcessorOptions(), new FakeTimeProvider(Now)),
        _logs);

    private static Delivery Delivery(string id) =>
        new() { Platform = Platforms.GitHub, Id = id, EventName = "issues", Body = "{}", ReceivedAt = Now };
}
