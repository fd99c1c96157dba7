using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Processing;

/// <summary>Runs the <see cref="ReconcileSweep"/> every <see cref="LocalSweepOptions.Interval"/> in <c>serve</c>, so a
/// webhook that was lost or disabled is repaired without the Functions timer. Off when no interval is set.</summary>
public sealed partial class SweepTimer(
    ReconcileSweep sweep,
    IOptions<LocalSweepOptions> options,
    TimeProvider time,
    ILogger<SweepTimer> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Starts the clock at start-up (not when the background loop first runs): the first sweep is one interval
    /// after start.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Interval is { } interval)
        {
            LogScheduled(logger, interval);
            _timer = new PeriodicTimer(interval, time);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
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
            var queued = await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
            LogSwept(logger, queued);
        }
#pragma warning disable CA1031 // A sweep that could not queue (the ledger is unavailable) is tried again at the next tick; serve keeps running.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Reconcile sweep every {Interval}")]
    private static partial void LogScheduled(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Reconcile sweep queued {Count} deliveries")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 412, Level = LogLevel.Error, Message = "Reconcile sweep failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
