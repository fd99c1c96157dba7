using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Functions.Functions;

/// <summary>The queue trigger: one message, one delivery through the processor (dedupe, handler, ledger). Retries the
/// processor schedules are new messages with a visibility delay, so this function completes normally; an exception here
/// means broken infrastructure (the ledger) and lets the host retry up to <c>maxDequeueCount</c>, then move the message to
/// <c>anatomybot-deliveries-poison</c>.</summary>
public sealed partial class DeliveryQueueFunction(
    ProcessingRunner runner,
    IDeliveryLedger deliveries,
    StorageQueueScheduler queue,
    ILogger<DeliveryQueueFunction> logger)
{
    public const string QueueName = "anatomybot-deliveries";

    [Function("ProcessDelivery")]
    public async Task RunAsync(
        [QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        var envelope = QueueEnvelope.TryParse(message);
        if (envelope is null)
        {
            LogUnreadable(logger);
            await queue.PoisonRawAsync(message, cancellationToken);
            return;
        }

        var delivery = envelope.Delivery;
        if (delivery is null && await deliveries.GetAsync(envelope.Platform, envelope.Id, cancellationToken) is { } record)
        {
            delivery = record.Delivery with { Attempts = envelope.Attempts };
        }

        if (delivery is null)
        {
            LogMissing(logger, envelope.Platform, envelope.Id);
            await queue.PoisonRawAsync(message, cancellationToken);
            return;
        }

        await runner.ProcessAsync(delivery, cancellationToken);
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Queue message is not a delivery envelope; moved to poison")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Queue message refers to {Platform} delivery {DeliveryId}, which the ledger does not hold; moved to poison")]
    private static partial void LogMissing(ILogger logger, string platform, string deliveryId);
}
