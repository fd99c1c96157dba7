using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Hosting.Retention;

/// <summary>Runs the <see cref="DeliveryRetentionSweep"/> in <c>serve</c>: once when the host has started and then every
/// <see cref="Interval"/>, so a bot restarted daily still deletes old deliveries (the Functions app runs it after its
/// nightly sweep).</summary>
public sealed partial class DeliveryRetentionTimer(
    DeliveryRetentionSweep sweep,
    TimeProvider time,
    ILogger<DeliveryRetentionTimer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A ledger that is unavailable now is tried again at the next run; serve keeps running.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 421, Level = LogLevel.Error, Message = "Delivery retention failed; it runs again in a day")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
