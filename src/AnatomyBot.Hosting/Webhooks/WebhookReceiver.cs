using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>The acknowledgement path, shared by the Functions HTTP triggers and <c>serve</c>: size limit → platform ingress
/// (authentication, parse) → delivery stored in the ledger → queued → 202. No platform API call happens here, so GitHub's
/// 10-second budget is never at risk; the work is done by the processor behind the queue.</summary>
public sealed partial class WebhookReceiver(
    IEnumerable<IWebhookIngress> ingresses,
    IDeliveryLedger deliveries,
    IDeliveryScheduler scheduler,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private readonly Dictionary<string, IWebhookIngress> _ingresses =
        ingresses.ToDictionary(i => i.Platform, StringComparer.OrdinalIgnoreCase);

    public async Task<WebhookReceipt> ReceiveAsync(string platform, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_ingresses.TryGetValue(platform, out var ingress))
        {
            return Log(platform, new WebhookReceipt(StatusCodes.Status404NotFound, $"platform '{platform}' is not configured"));
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return Log(platform, new WebhookReceipt(StatusCodes.Status405MethodNotAllowed, "use POST"));
        }

        IngressResult result;
        using (var body = await RequestBody.ReadAsync(request, ingress.MaxBodyBytes, cancellationToken))
        {
            if (body is null)
            {
                return Log(platform, new WebhookReceipt(StatusCodes.Status413PayloadTooLarge, $"body larger than {ingress.MaxBodyBytes} bytes"));
            }

            // The delivery gets its own copy of the bytes; the pooled buffer goes back before the ledger write.
            result = ingress.Accept(new HeaderView(request.Headers), body.Span, time.GetUtcNow());
        }

        if (result.Delivery is not { } delivery)
        {
            return Log(platform, new WebhookReceipt(result.StatusCode, result.Reason));
        }

        // Stored before acknowledged: once the ledger has the row, a crash loses nothing (serve drains Received rows on
        // start; the Functions queue message is sent right after).
        var added = await deliveries.TryAddAsync(delivery, cancellationToken);
        var requeue = added || (await deliveries.GetAsync(delivery.Platform, delivery.Id, cancellationToken))?.Status == DeliveryStatus.Received;
        if (requeue)
        {
            // A known delivery still Received may have lost its queue message in a crash: queue it again; the processor dedupes.
            await scheduler.EnqueueAsync(delivery, TimeSpan.Zero, cancellationToken);
        }

        return Log(platform, new WebhookReceipt(StatusCodes.Status202Accepted, added ? "accepted" : "duplicate delivery", delivery.Id, !added));
    }

    private WebhookReceipt Log(string platform, WebhookReceipt receipt)
    {
        if (receipt.StatusCode >= 400)
        {
            LogRejected(logger, platform, receipt.StatusCode, receipt.Reason);
        }
        else if (receipt.DeliveryId is not null)
        {
            LogAccepted(logger, platform, receipt.DeliveryId, receipt.Duplicate);
        }

        return receipt;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Accepted {Platform} delivery {DeliveryId} (duplicate: {Duplicate})")]
    private static partial void LogAccepted(ILogger logger, string platform, string deliveryId, bool duplicate);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Rejected {Platform} webhook with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string platform, int statusCode, string reason);
}
