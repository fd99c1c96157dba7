using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Retention;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary>Nightly (six-field CRON from the app setting <c>Sweep:Schedule</c>): queue every open item again so that a lost
/// or disabled webhook never leaves an item unreconciled, then delete the deliveries past <c>Storage:DeliveryRetention</c>.</summary>
public sealed class ReconcileSweepFunction(ReconcileSweep sweep, DeliveryRetentionSweep retention)
{
    [Function("ReconcileSweep")]
    public async Task RunAsync([TimerTrigger("%Sweep:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
        await retention.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
