using AnatomyBot.Core.Pipeline;
using Azure.Storage.Queues;

namespace AnatomyBot.Hosting.Queues;

/// <summary>The Functions app's queue: an Azure Storage queue whose messages are Base64-encoded (what the queue trigger
/// expects by default), and its <c>-poison</c> sibling, the same queue the Functions host moves a message to after
/// <c>maxDequeueCount</c> failed dequeues.</summary>
public sealed class StorageQueueScheduler(QueueClient queue, QueueClient poison) : IDeliveryScheduler
{
    /// <summary>Azure Storage caps a message's initial invisibility at 7 days.</summary>
    private static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    /// <summary>Client options with the Base64 message encoding the queue trigger expects.</summary>
    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static StorageQueueScheduler Create(string connectionString, string queueName)
    {
        var options = ClientOptions();
        return new StorageQueueScheduler(
            new QueueClient(connectionString, queueName, options),
            new QueueClient(connectionString, queueName + "-poison", options));
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
        await queue.SendMessageAsync(QueueEnvelope.Serialize(delivery), visibility, cancellationToken: cancellationToken);
    }

    public async Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken) =>
        await poison.SendMessageAsync(QueueEnvelope.Serialize(delivery), cancellationToken: cancellationToken);

    /// <summary>Moves a message that is not a readable delivery to the poison queue as it is, for a person to look at.</summary>
    public async Task PoisonRawAsync(string message, CancellationToken cancellationToken) =>
        await poison.SendMessageAsync(message, cancellationToken: cancellationToken);
}
