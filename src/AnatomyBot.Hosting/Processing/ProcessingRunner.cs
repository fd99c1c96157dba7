using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Hosting.Processing;

/// <summary>Runs the Core processor for one delivery with the delivery id in the log scope and logs what happened.
/// The Functions queue trigger, the local inbox worker, <c>replay</c> and <c>demo</c> all go through it.</summary>
public sealed partial class ProcessingRunner(DeliveryProcessor processor, ILogger<ProcessingRunner> logger)
{
    public Task<ProcessingOutcome> ProcessAsync(Delivery delivery, CancellationToken cancellationToken) =>
        RunAsync(delivery, replay: false, cancellationToken);

    public Task<ProcessingOutcome> ReplayAsync(Delivery delivery, CancellationToken cancellationToken) =>
        RunAsync(delivery, replay: true, cancellationToken);

    private async Task<ProcessingOutcome> RunAsync(Delivery delivery, bool replay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Platform"] = delivery.Platform,
            ["DeliveryId"] = delivery.Id,
            ["EventName"] = delivery.EventName,
        });
        var outcome = replay
            ? await processor.ReplayAsync(delivery, cancellationToken)
            : await processor.ProcessAsync(delivery, cancellationToken);
        switch (outcome.Status)
        {
            case ProcessingStatus.Processed:
                var result = outcome.Result!;
                LogProcessed(logger, delivery.Id, delivery.EventName, result.Evaluations.Count, result.ApiCalls, result.Writes, result.Skipped ?? "-");
                LogRechecks(outcome.Rechecks, delivery.Id);
                break;
            case ProcessingStatus.Duplicate:
                LogDuplicate(logger, delivery.Id);
                break;
            case ProcessingStatus.RetryScheduled:
                LogRetry(logger, delivery.Id, outcome.Delivery.Attempts, outcome.RetryDelay ?? TimeSpan.Zero, outcome.Error ?? "");
                break;
            case ProcessingStatus.Poisoned:
                LogPoisoned(logger, delivery.Id, outcome.Error ?? "");
                break;
        }

        return outcome;
    }

    private void LogRechecks(Core.Links.RecheckResult rechecks, string deliveryId)
    {
        if (rechecks.Capped)
        {
            LogRechecksCapped(logger, deliveryId, rechecks.Items, Core.Links.LinkRechecks.MaxPerChange);
        }
        else if (rechecks.Items > 0)
        {
            LogRechecksQueued(logger, deliveryId, rechecks.Items, rechecks.Deliveries);
        }
    }

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Items} open items linking to what changed queued for re-check in {Deliveries} deliveries")]
    private static partial void LogRechecksQueued(ILogger logger, string deliveryId, int items, int deliveries);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: {Items} items linking to what changed queued for re-check, the bound of {Max} per change; the others are re-checked by the nightly sweep")]
    private static partial void LogRechecksCapped(ILogger logger, string deliveryId, int items, int max);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Processed delivery {DeliveryId} ({EventName}): {Evaluations} items, {ApiCalls} API calls, {Writes} writes, skipped: {Skipped}")]
    private static partial void LogProcessed(ILogger logger, string deliveryId, string eventName, int evaluations, int apiCalls, int writes, string skipped);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} was already processed; nothing to do")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed (attempt {Attempts}); retrying in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string deliveryId, int attempts, TimeSpan delay, string error);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Delivery {DeliveryId} parked as poison: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string deliveryId, string reason);
}
