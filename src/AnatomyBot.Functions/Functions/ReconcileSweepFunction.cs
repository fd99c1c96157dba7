using AnatomyBot.Hosting.Processing;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary>Nightly (six-field CRON from the app setting <c>Sweep:Schedule</c>): queue every open item again so that a lost
/// or disabled webhook never leaves an item unreconciled.</summary>
public sealed class ReconcileSweepFunction(ReconcileSweep sweep)
{
    [Function("ReconcileSweep")]
    public Task RunAsync([TimerTrigger("%Sweep:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
