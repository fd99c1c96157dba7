using System.Threading.Channels;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace AnatomyBot.Hosting.Tests.Processing;

/// <summary><c>serve</c>'s interval sweep, on a fake clock: each test advances time and waits for the sweep it caused.</summary>
public sealed class SweepTimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly ObservedTimeProvider _time = new(Start);
    private readonly FakeLogger<SweepTimer> _logs = new();

    [Fact]
    public async Task StartAsync_IntervalSet_SweepsOncePerElapsedIntervalCountedFromStart()
    {
        var source = new RecordingSource();
        using var timer = Timer(source, TimeSpan.FromHours(24));

        await timer.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(23));
        _time.Advance(TimeSpan.FromHours(1));
        await source.SweptAsync(1);
        _time.Advance(TimeSpan.FromHours(24));
        await source.SweptAsync(2);
        await timer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal([(TimeSpan.FromHours(24), TimeSpan.FromHours(24))], _time.Timers);
        Assert.Equal([Start.AddHours(24), Start.AddHours(48)], source.Calls);
        Assert.Equal(
            ["Reconcile sweep every 1.00:00:00", "Reconcile sweep queued 1 deliveries", "Reconcile sweep queued 1 deliveries"],
            _logs.Collector.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public async Task StartAsync_IntervalUnset_NeverWaitsOnTheClockNorSweeps()
    {
        var source = new Mock<ISweepSource>(MockBehavior.Strict);
        using var timer = Timer(source.Object, null);

        await timer.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromDays(30));
        await timer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, _time.TimersCreated);
        Assert.Empty(_logs.Collector.GetSnapshot());
        source.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Tick_SchedulerFails_LogsAnErrorAndSweepsAgainAtTheNextInterval()
    {
        var source = new RecordingSource();
        var scheduler = new Mock<IDeliveryScheduler>();
        scheduler.SetupSequence(s => s.EnqueueAsync(It.IsAny<Delivery>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("ledger unavailable"))
            .Returns(Task.CompletedTask);
        using var timer = Timer(source, TimeSpan.FromHours(1), scheduler.Object);

        await timer.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(1));
        await source.SweptAsync(1);
        _time.Advance(TimeSpan.FromHours(1));
        await source.SweptAsync(2);
        await timer.StopAsync(TestContext.Current.CancellationToken);

        var error = Assert.Single(_logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("Reconcile sweep failed; it runs again at the next interval", error.Message);
        Assert.IsType<IOException>(error.Exception);
        Assert.Equal("Reconcile sweep queued 1 deliveries", _logs.Collector.LatestRecord.Message);
    }

    private SweepTimer Timer(ISweepSource source, TimeSpan? interval, IDeliveryScheduler? scheduler = null) => new(
        new ReconcileSweep([source], scheduler ?? Mock.Of<IDeliveryScheduler>(), _time, new FakeLogger<ReconcileSweep>()),
        Options.Create(new LocalSweepOptions { Interval = interval }),
        _time,
        _logs);

    /// <summary>A platform with one open item; records when it was swept and lets a test wait for the n-th sweep.</summary>
    private sealed class RecordingSource : ISweepSource
    {
        private readonly Channel<DateTimeOffset> _swept = Channel.CreateUnbounded<DateTimeOffset>();
        private readonly List<DateTimeOffset> _calls = [];

        public string Platform => Platforms.GitHub;

        public IReadOnlyList<DateTimeOffset> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public Task<IReadOnlyList<Delivery>> CreateSweepDeliveriesAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            lock (_calls)
            {
                _calls.Add(at);
            }

            _swept.Writer.TryWrite(at);
            return Task.FromResult<IReadOnlyList<Delivery>>(
                [new Delivery { Platform = Platforms.GitHub, Id = $"sweep:{at:O}", EventName = "anatomybot.sweep", Body = "{}", ReceivedAt = at }]);
        }

        public async Task SweptAsync(int count)
        {
            while (Calls.Count < count)
            {
                await _swept.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().Within();
            }
        }
    }
}
