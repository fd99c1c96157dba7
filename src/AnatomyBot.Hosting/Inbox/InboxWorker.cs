using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>Drains the local inbox: on start it reloads the deliveries a previous run acknowledged but did not finish
/// (Received and Failed rows), then processes whatever the receiver queues, reading each body back from the ledger.
/// The reload reads keys, never bodies, a page of <see cref="ReloadPage"/> at a time, and reads the next page only once
/// the inbox has worked its way down to half a page pending: a million unfinished rows after an outage cost the memory of
/// a page, not of a million deliveries.</summary>
public sealed partial class InboxWorker(
    LocalInbox inbox,
    IDeliveryLedger deliveries,
    IDeliveryKeyLedger keys,
    ProcessingRunner runner,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    internal const int ReloadPage = 1_000;

    private DateTimeOffset _startedAt;

    /// <summary>Counts the reload as pending before the host starts serving, so a caller that waits for the inbox to be
    /// idle after start also waits for the reloaded deliveries. Rows changed after this moment (a reloaded delivery that
    /// failed again and was re-queued by the processor, a new one the receiver queued) are not reloaded twice.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = time.GetUtcNow();
        inbox.Hold();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => ConsumeAsync(stoppingToken));
        await Task.WhenAll([ReloadAsync(stoppingToken), .. consumers]);
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        var reloaded = 0;
        try
        {
            foreach (var status in new[] { DeliveryStatus.Received, DeliveryStatus.Failed })
            {
                DeliveryKey? after = null;
                for (var left = options.Value.RecoverMax; left > 0;)
                {
                    await inbox.WaitPendingAtMostAsync(ReloadPage / 2, stoppingToken);
                    var want = Math.Min(ReloadPage, left);
                    var page = await keys.ListKeysAsync(status, _startedAt, after, want, stoppingToken);
                    foreach (var key in page)
                    {
                        await inbox.EnqueueAsync(new InboxEntry(key.Platform, key.Id, key.Attempts), TimeSpan.Zero, stoppingToken);
                    }

                    reloaded += page.Count;
                    left -= page.Count;
                    if (page.Count < want)
                    {
                        break;
                    }

                    after = page[^1];
                }
            }

            if (reloaded > 0)
            {
                LogRecovered(logger, reloaded);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the rows not reloaded yet stay Received/Failed and are reloaded on the next start.
        }
        catch (Exception ex)
        {
            // The ledger could not be read: what was reloaded is processed; the rest waits for the next start.
            LogReloadFailed(logger, ex, reloaded);
        }
        finally
        {
            inbox.Completed();
        }
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

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Reloading unfinished deliveries failed in the ledger after {Count}; the rest are reloaded on the next start")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, int count);
}
