using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Processing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Functions.Tests;

public sealed class SweepTimerTests
{
    [Fact]
    public async Task Interval_Set_SweepsOncePerElapsedInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var calls = new List<DateTimeOffset>();
        var swept = new SemaphoreSlim(0);
        var source = new Mock<ISweepSource>();
        source.SetupGet(s => s.Platform).Returns("github");
        source.Setup(s => s.CreateSweepDeliveriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns<DateTimeOffset, CancellationToken>((at, _) =>
            {
                calls.Add(at);
                swept.Release();
                return Task.FromResult<IReadOnlyList<Delivery>>([]);
            });
        using var timer = Timer(source.Object, time, TimeSpan.FromHours(24));

        await timer.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(23));
        Assert.False(await swept.WaitAsync(TimeSpan.FromMilliseconds(200)));
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(await swept.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromHours(24));
        Assert.True(await swept.WaitAsync(TimeSpan.FromSeconds(10)));
        await timer.StopAsync(CancellationToken.None);

        Assert.Equal([new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)], calls);
    }

    [Fact]
    public async Task Interval_Unset_NeverSweeps()
    {
        var time = new FakeTimeProvider();
        var source = new Mock<ISweepSource>(MockBehavior.Strict);
        using var timer = Timer(source.Object, time, null);

        await timer.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(30));
        await timer.StopAsync(CancellationToken.None);

        source.VerifyNoOtherCalls();
    }

    private static SweepTimer Timer(ISweepSource source, FakeTimeProvider time, TimeSpan? interval) => new(
        new ReconcileSweep([source], Mock.Of<IDeliveryScheduler>(), time, new FakeLogger<ReconcileSweep>()),
        Options.Create(new LocalSweepOptions { Interval = interval }),
        time,
        new FakeLogger<SweepTimer>());
}
