using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>Drains the local inbox: on start it reloads the deliveries a previous run acknowledged but did not finish
/// (Received and Failed rows), then processes whatever the receiver queues, reading each body back from the ledger.</summary>
public sealed partial class InboxWorker(
    LocalInbox inbox,
    IDeliveryLedger deliveries,
    ProcessingRunner runner,
    IOptions<InboxOptions> options,
    ILogger<InboxWorker> logger) : BackgroundService
{
    /// <summary>Reloads unfinished deliveries before the host starts serving, so a caller that waits for the inbox to be idle
    /// after start also waits for them.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        foreach (var status in new[] { DeliveryStatus.Received, DeliveryStatus.Failed })
        {
            foreach (var record in await deliveries.ListAsync(status, options.Value.RecoverMax, cancellationToken))
            {
                await inbox.EnqueueAsync(record.Delivery, TimeSpan.Zero, cancellationToken);
                recovered++;
            }
        }

        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => ConsumeAsync(stoppingToken));
        await Task.WhenAll(consumers);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var entry in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await deliveries.GetAsync(entry.Platform, entry.Id, stoppingToken) is { } record)
                {
                    await runner.ProcessAsync(record.Delivery with { Attempts = entry.Attempts }, stoppingToken);
                }
                else
                {
                    LogMissing(logger, entry.Platform, entry.Id);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: the ledger row stays Received/Failed and is reloaded on the next start.
                return;
            }
            catch (Exception ex)
            {
                // The ledger itself failed (disk full, database locked): keep the delivery and try again later.
                LogInfrastructureFailure(logger, ex, entry.Id);
                await inbox.EnqueueAsync(entry, options.Value.InfrastructureRetryDelay, stoppingToken);
            }
            finally
            {
                inbox.Completed();
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Reloaded {Count} unfinished deliveries from the inbox")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Queued {Platform} delivery {DeliveryId} is not in the ledger; skipped")]
    private static partial void LogMissing(ILogger logger, string platform, string deliveryId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Processing delivery {DeliveryId} failed in the ledger; it stays in the inbox")]
    private static partial void LogInfrastructureFailure(ILogger logger, Exception exception, string deliveryId);
}
