using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace AnatomyBot.Hosting.Tests.Inbox;

/// <summary>The worker behind <c>serve</c>'s inbox, over a real SQLite ledger and a fake clock.</summary>
public sealed class InboxWorkerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly ObservedTimeProvider _time = new(Now);
    private readonly LocalInbox _inbox;
    private readonly FakeLogger<InboxWorker> _logs = new();
    private readonly List<string> _handled = [];

    public InboxWorkerTests() => _inbox = new LocalInbox(_time);

    [Fact]
    public async Task StartAsync_UnfinishedRows_ReloadsReceivedAndFailedButNotProcessedOrPoison()
    {
        foreach (var (id, status) in new[] { ("received", DeliveryStatus.Received), ("failed", DeliveryStatus.Failed), ("processed", DeliveryStatus.Processed), ("poison", DeliveryStatus.Poison) })
        {
            await _ledger.Deliveries.TryAddAsync(Delivery(id), TestContext.Current.CancellationToken);
            await _ledger.Deliveries.MarkAsync(Platforms.GitHub, id, status, Now, null, TestContext.Current.CancellationToken);
        }

        using var worker = Worker();
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["failed", "received"], _handled.Order(StringComparer.Ordinal));
        var reloaded = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Information, "Reloaded 2 unfinished deliveries from the inbox"), (reloaded.Level, reloaded.Message));
    }

    [Fact]
    public async Task StartAsync_MoreUnfinishedRowsThanRecoverMax_ReloadsRecoverMaxOfEachStatus()
    {
        foreach (var id in new[] { "r1", "r2", "r3" })
        {
            await _ledger.Deliveries.TryAddAsync(Delivery(id), TestContext.Current.CancellationToken);
        }

        using var worker = Worker(new InboxOptions { RecoverMax = 2 });
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, _handled.Count);
    }

    [Fact]
    public async Task StartAsync_NothingUnfinished_LogsNothing()
    {
        using var worker = Worker();
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Empty(_logs.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrencyOne_ProcessesInQueueOrder()
    {
        using var worker = Worker();
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within(); // the reload on start is over
        foreach (var id in new[] { "c", "a", "b" })
        {
            await _ledger.Deliveries.TryAddAsync(Delivery(id), TestContext.Current.CancellationToken);
            await _inbox.EnqueueAsync(Delivery(id), TimeSpan.Zero, TestContext.Current.CancellationToken);
        }

        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["c", "a", "b"], _handled);
    }

    [Fact]
    public async Task ExecuteAsync_QueuedKeyNotInTheLedger_LogsAnErrorAndMovesOn()
    {
        using var worker = Worker();
        await worker.StartAsync(TestContext.Current.CancellationToken);

        await _inbox.EnqueueAsync(Delivery("ghost"), TimeSpan.Zero, TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Empty(_handled);
        var error = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, "Queued github delivery ghost is not in the ledger; skipped"), (error.Level, error.Message));
    }

    [Fact]
    public async Task ExecuteAsync_LedgerFails_KeepsTheDeliveryAndTriesAgainAfterTheDelayOnTheClock()
    {
        var ledger = new FailingOnceLedger(_ledger.Deliveries);
        using var worker = Worker(new InboxOptions { InfrastructureRetryDelay = TimeSpan.FromSeconds(5) }, ledger);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within(); // the reload on start is over
        var timersBefore = _time.TimersCreated;
        await ledger.TryAddAsync(Delivery("d-1"), TestContext.Current.CancellationToken);

        await _inbox.EnqueueAsync(Delivery("d-1"), TimeSpan.Zero, TestContext.Current.CancellationToken);
        await _time.TimersCreatedAsync(timersBefore + 1);
        _time.Advance(TimeSpan.FromSeconds(4));
        var handledBeforeTheDelay = _handled.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, handledBeforeTheDelay);
        Assert.Equal(["d-1"], _handled);
        var error = Assert.Single(_logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("Processing delivery d-1 failed in the ledger; it stays in the inbox", error.Message);
        Assert.IsType<IOException>(error.Exception);
    }

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public async Task StartAsync_ThreePagesOfUnfinishedRows_ReloadsEveryOneByKeysWithAtMostAPageAndAHalfPending()
    {
        var count = (2 * InboxWorker.ReloadPage) + 500;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            _ledger.Deliveries.TryAddAsync(Delivery($"d-{i:D5}") with { ReceivedAt = Now.AddSeconds(-count + i) }, TestContext.Current.CancellationToken)));
        var maxPending = 0;

        using var worker = Worker(deliveries: new NoBodyListingLedger(_ledger.Deliveries), onHandled: () => maxPending = Math.Max(maxPending, _inbox.Pending));
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await _inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"d-{i:D5}"), _handled);
        Assert.InRange(maxPending, 1, (InboxWorker.ReloadPage * 3 / 2) + 1);
        Assert.Equal($"Reloaded {count} unfinished deliveries from the inbox", _logs.Collector.LatestRecord.Message);
    }

    private InboxWorker Worker(InboxOptions? options = null, IDeliveryLedger? deliveries = null, Action? onHandled = null)
    {
        deliveries ??= _ledger.Deliveries;
        var handler = new Mock<IDeliveryHandler>();
        handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .Callback<Delivery, CancellationToken>((d, _) =>
            {
                _handled.Add(d.Id);
                onHandled?.Invoke();
            })
            .ReturnsAsync(new DeliveryResult());
        var processor = new DeliveryProcessor([handler.Object], deliveries, _ledger.Evaluations, _inbox, new DeliveryProcessorOptions(), _time);
        return new InboxWorker(_inbox, deliveries, _ledger.Keys, new ProcessingRunner(processor, new FakeLogger<ProcessingRunner>()), Options.Create(options ?? new InboxOptions()), _time, _logs);
    }

    private static Delivery Delivery(string id) =>
        new() { Platform = Platforms.GitHub, Id = id, EventName = "issues", Body = "{}", ReceivedAt = Now };

    /// <summary>A ledger whose listing with bodies fails the test: the reload must read keys only.</summary>
    private sealed class NoBodyListingLedger(IDeliveryLedger inner) : IDeliveryLedger
    {
        public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) => inner.TryAddAsync(delivery, cancellationToken);

        public Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken) => inner.GetAsync(platform, deliveryId, cancellationToken);

        public Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken) =>
            inner.MarkAsync(platform, deliveryId, status, at, lastError, cancellationToken);

        public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The reload listed deliveries with their bodies.");
    }

    /// <summary>The ledger as when its disk is briefly full: the first read fails, later ones work.</summary>
    private sealed class FailingOnceLedger(IDeliveryLedger inner) : IDeliveryLedger
    {
        private int _reads;

        public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) => inner.TryAddAsync(delivery, cancellationToken);

        public Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _reads) == 1
                ? throw new IOException("disk full")
                : inner.GetAsync(platform, deliveryId, cancellationToken);

        public Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken) =>
            inner.MarkAsync(platform, deliveryId, status, at, lastError, cancellationToken);

        public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken) =>
            inner.ListAsync(status, max, cancellationToken);
    }
}
