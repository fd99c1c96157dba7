using System.Text;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Queues;
using AnatomyBot.Testing;
using Azure.Storage.Queues;

namespace AnatomyBot.Hosting.Tests.Queues;

/// <summary>The Functions app's queue against Azurite: Base64 messages the queue trigger can read, delays as visibility
/// timeouts (capped at Azure's seven days), and the <c>-poison</c> sibling. Each test uses its own queue.</summary>
public sealed class StorageQueueSchedulerTests
{
    private readonly string _name = "hosting" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task EnqueueAsync_NoDelay_SendsAVisibleBase64EnvelopeTheTriggerCanRead()
    {
        var scheduler = await CreateAsync();

        await scheduler.EnqueueAsync(Delivery("d-1"), TimeSpan.Zero, TestContext.Current.CancellationToken);

        var message = Assert.Single((await RawQueue(_name).ReceiveMessagesAsync(10, cancellationToken: TestContext.Current.CancellationToken)).Value);
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.Equal(Delivery("d-1"), QueueEnvelope.TryParse(text)!.Delivery);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30 * 24 * 60)]
    public async Task EnqueueAsync_WithDelay_SendsAMessageThatIsNotYetVisible(int minutes)
    {
        var scheduler = await CreateAsync();

        await scheduler.EnqueueAsync(Delivery("d-1"), TimeSpan.FromMinutes(minutes), TestContext.Current.CancellationToken);

        var queue = RawQueue(_name);
        Assert.Empty((await queue.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task PoisonAsync_Delivery_GoesToThePoisonQueueOnly()
    {
        var scheduler = await CreateAsync();

        await scheduler.PoisonAsync(Delivery("d-1"), "retry budget spent", TestContext.Current.CancellationToken);

        var parked = Assert.Single((await RawQueue(_name + "-poison").ReceiveMessagesAsync(10, cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal("d-1", QueueEnvelope.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(parked.MessageText)))!.Id);
        Assert.Empty((await RawQueue(_name).PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task PoisonRawAsync_UnreadableMessage_IsParkedAsItIs()
    {
        var scheduler = await CreateAsync();

        await scheduler.PoisonRawAsync("not an envelope", TestContext.Current.CancellationToken);

        var parked = Assert.Single((await RawQueue(_name + "-poison").ReceiveMessagesAsync(10, cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal("not an envelope", Encoding.UTF8.GetString(Convert.FromBase64String(parked.MessageText)));
    }

    private async Task<StorageQueueScheduler> CreateAsync()
    {
        var scheduler = StorageQueueScheduler.Create(AzuriteEnvironment.RequireConnectionString(), _name);
        await scheduler.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return scheduler;
    }

    /// <summary>The queue read without the scheduler's Base64 option: what the Functions host sees on the wire.</summary>
    private static QueueClient RawQueue(string name) => new(AzuriteEnvironment.RequireConnectionString(), name);

    private static Delivery Delivery(string id) => new()
    {
        Platform = Platforms.GitHub,
        Id = id,
        EventName = "issues",
        Body = """{"action":"opened"}""",
        ReceivedAt = new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero),
    };
}
