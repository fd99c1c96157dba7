using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Tests.Support;
using AnatomyBot.Hosting.Webhooks;
using AnatomyBot.Storage;
using AnatomyBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AnatomyBot.Hosting.Tests.Inbox;

/// <summary>The local mode's queue (<c>serve</c>): the SQLite ledger's Received rows are the inbox; the in-process queue
/// only wakes the worker and holds retries until the clock passes their delay.</summary>
public sealed class LocalInboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-inbox-").FullName;
    private readonly Mock<IDeliveryHandler> _handler = new();

    public LocalInboxTests()
    {
        _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryResult());
    }

    [Fact]
    public async Task EnqueueAsync_NoDelay_IsReadableAtOnceAsAKey()
    {
        var inbox = new LocalInbox(new ObservedTimeProvider(Now));

        await inbox.EnqueueAsync(Delivery("a") with { Attempts = 2 }, TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.True(inbox.Reader.TryRead(out var entry));
        Assert.Equal(new InboxEntry(Platforms.GitHub, "a", 2), entry);
        Assert.Equal(1, inbox.Pending);
    }

    [Fact]
    public async Task EnqueueAsync_TheBotsOwnDelivery_IsStoredInTheLedgerFirst_AWebhookIsNot()
    {
        using var ledger = new TempLedger();
        var inbox = new LocalInbox(new ObservedTimeProvider(Now), ledger.Deliveries);
        var token = TestContext.Current.CancellationToken;

        await inbox.EnqueueAsync(Delivery("recheck:d-1:contoso/web#7"), TimeSpan.Zero, token);
        await inbox.EnqueueAsync(Delivery("sweep:2026-11-24T03:30:00Z:contoso/web#8"), TimeSpan.Zero, token);
        await inbox.EnqueueAsync(Delivery("5f0c7b2e-9a41-4c55-8d0e-3a7b1c2d4e5f"), TimeSpan.Zero, token);

        Assert.Equal(DeliveryStatus.Received, (await ledger.Deliveries.GetAsync(Platforms.GitHub, "recheck:d-1:contoso/web#7", token))?.Status);
        Assert.Equal(DeliveryStatus.Received, (await ledger.Deliveries.GetAsync(Platforms.GitHub, "sweep:2026-11-24T03:30:00Z:contoso/web#8", token))?.Status);
        Assert.Null(await ledger.Deliveries.GetAsync(Platforms.GitHub, "5f0c7b2e-9a41-4c55-8d0e-3a7b1c2d4e5f", token));
        Assert.Equal(3, inbox.Pending);
    }

    [Fact]
    public async Task EnqueueAsync_WithDelay_IsReadableOnlyOnceTheClockHasPassedIt()
    {
        var time = new ObservedTimeProvider(Now);
        var inbox = new LocalInbox(time);

        await inbox.EnqueueAsync(Delivery("a"), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await time.TimersCreatedAsync(1);
        time.Advance(TimeSpan.FromSeconds(9));

        Assert.False(inbox.Reader.TryRead(out _));
        Assert.Equal(1, inbox.Pending);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", (await inbox.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().Within()).Id);
    }

    [Fact]
    public async Task WaitIdleAsync_TwoQueued_CompletesOnlyWhenBothAreCompleted()
    {
        var inbox = new LocalInbox(new ObservedTimeProvider(Now));
        Assert.True(inbox.WaitIdleAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        await inbox.EnqueueAsync(Delivery("a"), TimeSpan.Zero, TestContext.Current.CancellationToken);
        await inbox.EnqueueAsync(Delivery("b"), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var idle = inbox.WaitIdleAsync(TestContext.Current.CancellationToken);
        inbox.Completed();
        var stillBusy = idle.IsCompleted;
        inbox.Completed();
        await idle.Within();

        Assert.False(stillBusy);
        Assert.Equal(0, inbox.Pending);
    }

    [Fact]
    public async Task Start_AfterCrashBetweenAcknowledgementAndProcessing_ProcessesTheStoredDeliveries()
    {
        using (var before = Build())
        {
            // The previous process stored (and acknowledged) two deliveries, then died before its worker ran.
            var ledger = before.Services.GetRequiredService<IDeliveryLedger>();
            await ledger.TryAddAsync(Delivery("a"), TestContext.Current.CancellationToken);
            await ledger.TryAddAsync(Delivery("b"), TestContext.Current.CancellationToken);
        }

        using var host = Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        await WaitProcessedAsync(host, "a", "b");
        await host.StopAsync(TestContext.Current.CancellationToken);

        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Receive_SameDeliveryTwice_AcknowledgesBothAndHandlesOnce()
    {
        using var host = Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var receiver = host.Services.GetRequiredService<WebhookReceiver>();
        var inbox = host.Services.GetRequiredService<LocalInbox>();

        var first = await receiver.ReceiveAsync(Platforms.GitHub, Request("d-1"), TestContext.Current.CancellationToken);
        await inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        var second = await receiver.ReceiveAsync(Platforms.GitHub, Request("d-1"), TestContext.Current.CancellationToken);
        await inbox.WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal((202, false), (first.StatusCode, first.Duplicate));
        Assert.Equal((202, true), (second.StatusCode, second.Duplicate));
        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task EnqueueAsync_BodyGiven_TheWorkerProcessesTheBodyStoredInTheLedger()
    {
        using var host = Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var stored = Delivery("d-2") with { Body = """{"from":"ledger"}""" };
        await host.Services.GetRequiredService<IDeliveryLedger>().TryAddAsync(stored, TestContext.Current.CancellationToken);

        await host.Services.GetRequiredService<LocalInbox>().EnqueueAsync(stored with { Body = "not kept", Attempts = 2 }, TimeSpan.Zero, TestContext.Current.CancellationToken);
        await WaitProcessedAsync(host, "d-2");
        await host.StopAsync(TestContext.Current.CancellationToken);

        _handler.Verify(h => h.HandleAsync(It.Is<Delivery>(d => d.Id == "d-2" && d.Body == stored.Body && d.Attempts == 2), It.IsAny<CancellationToken>()), Times.Once);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task WaitProcessedAsync(IHost host, params string[] ids)
    {
        await host.Services.GetRequiredService<LocalInbox>().WaitIdleAsync(TestContext.Current.CancellationToken).Within();
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        foreach (var id in ids)
        {
            Assert.Equal(DeliveryStatus.Processed, (await ledger.GetAsync(Platforms.GitHub, id, TestContext.Current.CancellationToken))!.Status);
        }
    }

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(_handler.Object);
        builder.Services.AddSingleton<IWebhookIngress>(new HeaderIngress());
        builder.Services.AddAnatomyBotSqliteStorage(Path.Combine(_folder, "ledger.db"));
        builder.Services.AddAnatomyBotPipeline(builder.Configuration);
        builder.Services.AddAnatomyBotLocalInbox(builder.Configuration);
        return builder.Build();
    }

    private static Delivery Delivery(string id) =>
        new() { Platform = Platforms.GitHub, Id = id, EventName = "issues", Body = "{}", ReceivedAt = DateTimeOffset.UnixEpoch };

    private static HttpRequest Request(string deliveryId)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        context.Request.Headers["X-GitHub-Delivery"] = deliveryId;
        return context.Request;
    }
}
