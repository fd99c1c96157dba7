using System.Security.Cryptography;
using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>The acknowledgement path, shared by the Functions HTTP triggers and <c>serve</c>: the platform ingress screens
/// the headers (401 before the body is read) → a place among <see cref="IngressOptions.MaxConcurrentBodies"/> bodies
/// being read (503 with <c>Retry-After</c> beyond) → size limit → platform ingress (authentication, parse) → a body
/// already received under another delivery id within <see cref="ReplayWindow"/> is acknowledged as a duplicate and not
/// stored → delivery stored in the ledger → queued → 202. No platform API call happens here, so GitHub's 10-second
/// budget is never at risk; the work is done by the processor behind the queue.</summary>
public sealed partial class WebhookReceiver(
    IEnumerable<IWebhookIngress> ingresses,
    IDeliveryLedger deliveries,
    IDeliveryFingerprintLedger fingerprints,
    IDeliveryScheduler scheduler,
    IOptions<IngressOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> logger) : IDisposable
{
    /// <summary>How long a body's fingerprint is kept: the same body under a new delivery id within it is a replay.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    /// <summary>What a sender is asked to wait when every body place is taken.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, IWebhookIngress> _ingresses =
        ingresses.ToDictionary(i => i.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly SemaphoreSlim _bodies = new(options.Value.MaxConcurrentBodies, options.Value.MaxConcurrentBodies);

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

        if (ingress.Screen(new HeaderView(request.Headers)) is { } refused)
        {
            return Log(platform, new WebhookReceipt(refused.StatusCode, refused.Reason));
        }

        if (!await _bodies.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return Log(platform, new WebhookReceipt(StatusCodes.Status503ServiceUnavailable, "too many webhook bodies being read; retry later") { RetryAfter = BusyRetryAfter });
        }

        IngressResult result;
        try
        {
            using var body = await RequestBody.ReadAsync(request, ingress.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Log(platform, new WebhookReceipt(StatusCodes.Status413PayloadTooLarge, $"body larger than {ingress.MaxBodyBytes} bytes"));
            }

            // The delivery gets its own copy of the bytes; the pooled buffer goes back before the ledger write.
            result = ingress.Accept(new HeaderView(request.Headers), body.Span, time.GetUtcNow());
        }
        finally
        {
            _bodies.Release();
        }

        if (result.Delivery is not { } delivery)
        {
            return Log(platform, new WebhookReceipt(result.StatusCode, result.Reason));
        }

        var now = time.GetUtcNow();
        if (!await fingerprints.TryRecordAsync(delivery.Platform, Fingerprint(delivery), delivery.Id, now, now - ReplayWindow, cancellationToken))
        {
            return Log(platform, new WebhookReceipt(StatusCodes.Status202Accepted, "duplicate body: already received under another delivery id", delivery.Id, true));
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

    public void Dispose() => _bodies.Dispose();

    /// <summary>SHA-256 of the event name and the body as received, in hex.</summary>
    private static string Fingerprint(Delivery delivery)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(delivery.EventName + "\n"));
        hash.AppendData(delivery.Utf8Body.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
