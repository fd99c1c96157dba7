using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Functions.Functions;
using AnatomyBot.Hosting;
using AnatomyBot.Hosting.Queues;
using AnatomyBot.Storage;
using AnatomyBot.Testing;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AnatomyBot.Functions.Tests;

/// <summary>The function classes called as the host would: real ASP.NET Core requests, a real SQLite ledger and a real
/// Azure Storage queue (Azurite). Only the channel is a test double (Core interfaces).</summary>
public sealed class FunctionPipelineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-functions-").FullName;
    private readonly Mock<IDeliveryHandler> _handler = new();

    public FunctionPipelineTests()
    {
        _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryResult { ApiCalls = 2 });
    }

    [Fact]
    public async Task Webhook_Accepted_IsStoredQueuedAsBase64AndProcessedByTheQueueTrigger()
    {
        var queueName = "t" + Guid.NewGuid().ToString("N")[..20];
        using var services = Services(queueName);
        var queue = services.GetRequiredService<StorageQueueScheduler>();
        await queue.EnsureCreatedAsync(default);

        var result = await new GitHubWebhookFunction(services.GetRequiredService<Hosting.Webhooks.WebhookReceiver>())
            .RunAsync(Request("""{"action":"opened"}""", "d-1"), default);

        Assert.Equal(202, ((ContentResult)result).StatusCode);
        var ledger = services.GetRequiredService<IDeliveryLedger>();
        Assert.Equal(DeliveryStatus.Received, (await ledger.GetAsync(Platforms.GitHub, "d-1", default))!.Status);
        var raw = new QueueClient(AzuriteEnvironment.RequireConnectionString(), queueName);
        var message = Assert.Single((await raw.ReceiveMessagesAsync(1)).Value);
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        _handler.Verify(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Never);

        await services.GetRequiredService<DeliveryQueueFunction>().RunAsync(text, default);

        Assert.Equal(DeliveryStatus.Processed, (await ledger.GetAsync(Platforms.GitHub, "d-1", default))!.Status);
        _handler.Verify(h => h.HandleAsync(It.Is<Delivery>(d => d.Id == "d-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task QueueTrigger_TransientFailures_RequeueWithDelayThenPoisonQueue()
    {
        var queueName = "t" + Guid.NewGuid().ToString("N")[..20];
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TransientDeliveryException("429") { RetryAfter = TimeSpan.FromSeconds(1) });
        using var services = Services(queueName, maxAttempts: 2);
        await services.GetRequiredService<StorageQueueScheduler>().EnsureCreatedAsync(default);
        var function = services.GetRequiredService<DeliveryQueueFunction>();
        var delivery = new Delivery { Platform = Platforms.GitHub, Id = "d-2", EventName = "issues", Body = "{}", ReceivedAt = DateTimeOffset.UnixEpoch };

        await function.RunAsync(QueueEnvelope.Serialize(delivery), default);
        await function.RunAsync(QueueEnvelope.Serialize(delivery with { Attempts = 1 }), default);

        var ledger = services.GetRequiredService<IDeliveryLedger>();
        var record = await ledger.GetAsync(Platforms.GitHub, "d-2", default);
        Assert.Equal(DeliveryStatus.Poison, record!.Status);
        Assert.Contains("retry budget of 2 spent", record.LastError, StringComparison.Ordinal);
        var poison = new QueueClient(AzuriteEnvironment.RequireConnectionString(), queueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var parked = Assert.Single((await poison.ReceiveMessagesAsync(10)).Value);
        Assert.Equal("d-2", QueueEnvelope.TryParse(parked.MessageText)!.Id);
        var retries = new QueueClient(AzuriteEnvironment.RequireConnectionString(), queueName);
        Assert.Equal(1, (await retries.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Webhook_Rejected_Answers4xxAndStoresNothing()
    {
        using var services = Services("unused", queueConnection: "UseDevelopmentStorage=true");

        var unsigned = await new GitHubWebhookFunction(services.GetRequiredService<Hosting.Webhooks.WebhookReceiver>())
            .RunAsync(Request("{}", deliveryId: null), default);
        var oversized = await new GitHubWebhookFunction(services.GetRequiredService<Hosting.Webhooks.WebhookReceiver>())
            .RunAsync(Request(new string('x', 2048), "d-3"), default);

        Assert.Equal(401, ((ContentResult)unsigned).StatusCode);
        Assert.Equal(413, ((ContentResult)oversized).StatusCode);
        Assert.Empty(await services.GetRequiredService<IDeliveryLedger>().ListAsync(DeliveryStatus.Received, 10, default));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Services(string queueName, int maxAttempts = 5, string? queueConnection = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IWebhookIngress>(new HeaderIngress());
        services.AddSingleton(_handler.Object);
        services.AddAnatomyBotSqliteStorage(Path.Combine(_folder, "ledger.db"));
        services.AddAnatomyBotPipeline(configuration);
        services.AddAnatomyBotStorageQueue(queueConnection ?? AzuriteEnvironment.RequireConnectionString(), queueName);
        services.AddSingleton<DeliveryQueueFunction>();
        return services.BuildServiceProvider();
    }

    private static HttpRequest Request(string body, string? deliveryId)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        if (deliveryId is not null)
        {
            context.Request.Headers["X-GitHub-Delivery"] = deliveryId;
        }

        return context.Request;
    }
}
