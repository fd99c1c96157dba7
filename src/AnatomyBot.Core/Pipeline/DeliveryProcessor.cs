using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Processes one delivery: dedupe by (platform, delivery id) through the delivery ledger, dispatch to the
/// platform's handler, record the evaluations and their gap transitions (and, with a links ledger, each item's links:
/// <see cref="ItemLinks"/>), queue the re-checks of the items linking to what changed (<see cref="LinkRechecks"/>), and
/// mark the delivery processed. A transient
/// failure is queued again after the platform's <c>Retry-After</c> (or a back-off) until the retry budget is spent; then
/// the delivery is parked as poison. The same code runs in the Functions queue trigger, <c>serve</c>, <c>replay</c> and
/// <c>demo</c>. Each delivery is a span and is counted in <see cref="AnatomyBotTelemetry"/>.</summary>
public sealed class DeliveryProcessor(
    IEnumerable<IDeliveryHandler> handlers,
    IDeliveryLedger deliveries,
    IEvaluationLedger evaluations,
    IDeliveryScheduler scheduler,
    DeliveryProcessorOptions options,
    TimeProvider time,
    AnatomyBotTelemetry? telemetry = null,
    ILinkLedger? links = null,
    LinkRechecks? rechecks = null)
{
    private readonly Dictionary<string, IDeliveryHandler> _handlers =
        handlers.ToDictionary(h => h.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>Processes a delivery from the queue or the inbox. Processed and poison deliveries are not done again.</summary>
    public Task<ProcessingOutcome> ProcessAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return ObservedAsync(delivery, "process", () => ProcessOnceAsync(delivery, cancellationToken));
    }

    /// <summary>Re-drives a delivery whatever its status (failed, poison, or never seen): the retry budget starts again.</summary>
    public Task<ProcessingOutcome> ReplayAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return ObservedAsync(delivery, "replay", async () =>
        {
            await deliveries.TryAddAsync(delivery, cancellationToken);
            return await RunAsync(delivery with { Attempts = 0 }, cancellationToken);
        });
    }

    private async Task<ProcessingOutcome> ObservedAsync(Delivery delivery, string operation, Func<Task<ProcessingOutcome>> process)
    {
        using var activity = AnatomyBotTelemetry.Tracing.StartActivity("anatomybot.delivery");
        activity?.SetTag("anatomybot.platform", delivery.Platform);
        activity?.SetTag("anatomybot.event", delivery.EventName);
        activity?.SetTag("anatomybot.operation", operation);
        var outcome = await process();
        activity?.SetTag("anatomybot.outcome", outcome.Status.ToString());
        telemetry?.Processed(outcome, time.GetUtcNow());
        return outcome;
    }

    private async Task<ProcessingOutcome> ProcessOnceAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var known = await deliveries.GetAsync(delivery.Platform, delivery.Id, cancellationToken);
        if (known is { Status: DeliveryStatus.Processed or DeliveryStatus.Poison })
        {
            return new ProcessingOutcome(ProcessingStatus.Duplicate, delivery);
        }

        if (known is null)
        {
            await deliveries.TryAddAsync(delivery, cancellationToken);
        }

        return await RunAsync(delivery, cancellationToken);
    }

    private async Task<ProcessingOutcome> RunAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(delivery.Platform, out var handler))
        {
            return await PoisonAsync(delivery, $"no handler for platform '{delivery.Platform}'", cancellationToken);
        }

        DeliveryResult result;
        try
        {
            result = await handler.HandleAsync(delivery, cancellationToken);
        }
        catch (TransientDeliveryException ex)
        {
            return await RetryOrPoisonAsync(delivery, Describe(ex), ex.RetryAfter, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return await RetryOrPoisonAsync(delivery, Describe(ex), null, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            return await RetryOrPoisonAsync(delivery, Describe(ex), null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A handler is expected to turn bad input into a skipped result; anything else is a defect that a retry will
            // not fix, so it is parked at once with its reason instead of looping.
            return await PoisonAsync(delivery, Describe(ex), cancellationToken);
        }

        var now = time.GetUtcNow();
        var stored = new List<StoredEvaluation>(result.Evaluations.Count);
        foreach (var evaluation in result.Evaluations)
        {
            var previous = await evaluations.GetLatestAsync(evaluation.Item.Source, evaluation.Item.Id, cancellationToken);
            stored.Add(LedgerEvaluations.From(evaluation, previous, now));
        }

        foreach (var gone in result.Gone)
        {
            if (await evaluations.GetLatestAsync(gone.Source, gone.Id, cancellationToken) is { IsOpen: true } previous)
            {
                stored.Add(previous with { IsOpen = false, EvaluatedAt = now });
            }
        }

        var events = stored.Count == 0 ? [] : await evaluations.RecordAsync(stored, cancellationToken);
        await RecordLinksAsync(result, cancellationToken);
        var queued = rechecks is null ? RecheckResult.None : await rechecks.QueueAsync(delivery, result, cancellationToken);
        await deliveries.MarkAsync(delivery.Platform, delivery.Id, DeliveryStatus.Processed, now, null, cancellationToken);
        return new ProcessingOutcome(ProcessingStatus.Processed, delivery) { Result = result, GapEvents = events, Rechecks = queued };
    }

    /// <summary>Each evaluated item's links replace the ones kept for it; a closed or deleted item keeps none.</summary>
    private async Task RecordLinksAsync(DeliveryResult result, CancellationToken cancellationToken)
    {
        if (links is null)
        {
            return;
        }

        foreach (var evaluation in result.Evaluations)
        {
            await links.ReplaceAsync(ItemLinks.ItemOf(evaluation.Item), ItemLinks.Of(evaluation.Item), cancellationToken);
        }

        foreach (var gone in result.Gone)
        {
            await links.ReplaceAsync(new LinkingItem(gone.Source, gone.Id, Policy.ItemKind.Other), [], cancellationToken);
        }
    }

    private async Task<ProcessingOutcome> RetryOrPoisonAsync(Delivery delivery, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var failedAttempts = delivery.Attempts + 1;
        if (failedAttempts >= options.MaxAttempts)
        {
            return await PoisonAsync(delivery with { Attempts = failedAttempts }, $"retry budget of {options.MaxAttempts} spent: {error}", cancellationToken);
        }

        var delay = options.RetryDelay(failedAttempts, retryAfter);
        var next = delivery with { Attempts = failedAttempts };
        await deliveries.MarkAsync(delivery.Platform, delivery.Id, DeliveryStatus.Failed, time.GetUtcNow(), error, cancellationToken);
        await scheduler.EnqueueAsync(next, delay, cancellationToken);
        return new ProcessingOutcome(ProcessingStatus.RetryScheduled, next) { RetryDelay = delay, Error = error };
    }

    private async Task<ProcessingOutcome> PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken)
    {
        await deliveries.MarkAsync(delivery.Platform, delivery.Id, DeliveryStatus.Poison, time.GetUtcNow(), reason, cancellationToken);
        await scheduler.PoisonAsync(delivery, reason, cancellationToken);
        return new ProcessingOutcome(ProcessingStatus.Poisoned, delivery) { Error = reason };
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
