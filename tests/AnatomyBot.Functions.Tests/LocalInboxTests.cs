using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Webhooks;
using AnatomyBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace AnatomyBot.Functions.Tests;

/// <summary>The local mode's queue (<c>serve</c>): the SQLite ledger's Received rows are the inbox.</summary>
public sealed class LocalInboxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-inbox-").FullName;
    private readonly Mock<IDeliveryHandler> _handler = new();

    public LocalInboxTests()
    {
        _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryResult());
    }

    [Fact]
    public async Task Start_AfterCrashBetweenAcknowledgementAndProcessing_ProcessesTheStoredDeliveries()
    {
        using (var before = Build())
        {
            // The previous process stored (and acknowledged) two deliveries, then died before its worker ran.
            var ledger = before.Services.GetRequiredService<IDeliveryLedger>();
            await ledger.TryAddAsync(Delivery("a"), default);
            await ledger.TryAddAsync(Delivery("b"), default);
        }

        using var host = Build();
        await host.StartAsync();
        await WaitProcessedAsync(host, "a", "b");
        await host.StopAsync();

        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Receiver_SameDeliveryTwice_AcknowledgesBothAndHandlesOnce()
    {
        using var host = Build();
        await host.StartAsync();
        var receiver = host.Services.GetRequiredService<WebhookReceiver>();

        var first = await receiver.ReceiveAsync(Platforms.GitHub, Request("d-1"), default);
        await host.Services.GetRequiredService<LocalInbox>().WaitIdleAsync(default);
        var second = await receiver.ReceiveAsync(Platforms.GitHub, Request("d-1"), default);
        await host.Services.GetRequiredService<LocalInbox>().WaitIdleAsync(default);
        await host.StopAsync();

        Assert.Equal((202, false), (first.StatusCode, first.Duplicate));
        Assert.Equal((202, true), (second.StatusCode, second.Duplicate));
        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Inbox_QueuesOnlyTheKey_TheWorkerProcessesTheBodyStoredInTheLedger()
    {
        using var host = Build();
        await host.StartAsync();
        var stored = Delivery("d-2") with { Body = """{"from":"ledger"}""" };
        await host.Services.GetRequiredService<IDeliveryLedger>().TryAddAsync(stored, default);

        await host.Services.GetRequiredService<LocalInbox>().EnqueueAsync(stored with { Body = "not kept", Attempts = 2 }, TimeSpan.Zero, default);
        await WaitProcessedAsync(host, "d-2");
        await host.StopAsync();

        _handler.Verify(h => h.HandleAsync(It.Is<Delivery>(d => d.Id == "d-2" && d.Body == stored.Body && d.Attempts == 2), It.IsAny<CancellationToken>()), Times.Once);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task WaitProcessedAsync(IHost host, params string[] ids)
    {
        await host.Services.GetRequiredService<LocalInbox>().WaitIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        foreach (var id in ids)
        {
            Assert.Equal(DeliveryStatus.Processed, (await ledger.GetAsync(Platforms.GitHub, id, default))!.Status);
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
