using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Hosting.Processing;

/// <summary>The nightly sweep: every platform's open items are queued as synthetic deliveries, so the processor reconciles
/// them exactly as it would a webhook. A platform whose listing fails is logged and skipped; the others still run.</summary>
public sealed partial class ReconcileSweep(
    IEnumerable<ISweepSource> sources,
    IDeliveryScheduler scheduler,
    TimeProvider time,
    ILogger<ReconcileSweep> logger)
{
    /// <summary>Queues the sweep and returns how many deliveries were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var at = time.GetUtcNow();
        foreach (var source in sources)
        {
            IReadOnlyList<Delivery> deliveries;
            try
            {
                deliveries = await source.CreateSweepDeliveriesAsync(at, cancellationToken);
            }
#pragma warning disable CA1031 // One platform's failure (an expired token's 401, an outage) must not cost the others their sweep; it is logged.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogSourceFailed(logger, ex, source.Platform);
                continue;
            }

            foreach (var delivery in deliveries)
            {
                await scheduler.EnqueueAsync(delivery, TimeSpan.Zero, cancellationToken);
            }

            LogQueued(logger, source.Platform, deliveries.Count);
            queued += deliveries.Count;
        }

        return queued;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Reconcile sweep queued {Count} open {Platform} items")]
    private static partial void LogQueued(ILogger logger, string platform, int count);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Reconcile sweep could not list open {Platform} items; the other platforms were swept, this one is tried again next run")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string platform);
}
