using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Hosting.Tests.Processing;

public sealed class ReconcileSweepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_OnePlatformFails_QueuesTheOthersAndLogsTheFailure()
    {
        var failing = Source("azure-devops", new InvalidOperationException("401 Unauthorized"));
        var healthy = Source("github", null, Delivery("sweep:1"), Delivery("sweep:2"));
        var queued = new List<Delivery>();
        var scheduler = new Mock<IDeliveryScheduler>();
        scheduler.Setup(s => s.EnqueueAsync(It.IsAny<Delivery>(), TimeSpan.Zero, It.IsAny<CancellationToken>()))
            .Callback<Delivery, TimeSpan, CancellationToken>((d, _, _) => queued.Add(d))
            .Returns(Task.CompletedTask);
        var logs = new FakeLogger<ReconcileSweep>();

        var count = await new ReconcileSweep([failing, healthy], scheduler.Object, new FakeTimeProvider(Now), logs).RunAsync(CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal(["sweep:1", "sweep:2"], queued.Select(d => d.Id));
        var error = Assert.Single(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("azure-devops", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var source = Source("github", new OperationCanceledException(cancel.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ReconcileSweep([source], Mock.Of<IDeliveryScheduler>(), new FakeTimeProvider(Now), new FakeLogger<ReconcileSweep>()).RunAsync(cancel.Token));
    }

    private static ISweepSource Source(string platform, Exception? failure, params Delivery[] deliveries)
    {
        var source = new Mock<ISweepSource>();
        source.SetupGet(s => s.Platform).Returns(platform);
        var setup = source.Setup(s => s.CreateSweepDeliveriesAsync(Now, It.IsAny<CancellationToken>()));
        if (failure is null)
        {
            setup.ReturnsAsync(deliveries);
        }
        else
        {
            setup.ThrowsAsync(failure);
        }

        return source.Object;
    }

    private static Delivery Delivery(string id) => new()
    {
        Platform = "github",
        Id = id,
        EventName = "anatomybot.sweep",
        Body = "{}",
        ReceivedAt = Now,
    };
}
