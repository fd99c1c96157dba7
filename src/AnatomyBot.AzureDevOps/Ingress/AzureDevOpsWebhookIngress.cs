using System.Text;
using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>Authenticates an Azure DevOps service hook and reads just enough of it to persist it. Order: 413 for an
/// oversized body, 401 without the secret (before any parsing), 400 for malformed JSON or a missing <c>id</c> /
/// <c>eventType</c>, 200 "ignored" for an event type the bot does not handle (so a subscription widened by mistake is
/// visible in its history but is not disabled by Azure DevOps for failing), 202 for a delivery.</summary>
public sealed partial class AzureDevOpsWebhookIngress(IOptions<AzureDevOpsOptions> options, ILogger<AzureDevOpsWebhookIngress> logger)
    : IWebhookIngress
{
    /// <summary>Azure DevOps notifications are small; 25 MB leaves room for pushes with many commits.</summary>
    public const long MaxBody = 25L * 1024 * 1024;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly HookSecretVerifier _verifier = new(options.Value.WebhookSecret, options.Value.WebhookSecretHeader);
    private readonly bool _allowUnauthenticated = options.Value.AllowUnauthenticatedWebhooks;

    public string Platform => Platforms.AzureDevOps;

    public long MaxBodyBytes => MaxBody;

    public IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (body.Length > MaxBodyBytes)
        {
            Log.Rejected(logger, 413, "body too large");
            return IngressResult.Rejected(413, $"body larger than {MaxBodyBytes} bytes");
        }

        if (!IsAuthenticated(headers))
        {
            Log.Rejected(logger, 401, "missing or wrong secret");
            return IngressResult.Rejected(401, "missing or wrong service-hook secret");
        }

        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (!NotificationEnvelope.TryRead(body, out var envelope, out var error))
        {
            Log.Rejected(logger, 400, error);
            return IngressResult.Rejected(400, error);
        }

        if (!AzureDevOpsEventTypes.IsSupported(envelope!.EventType))
        {
            Log.Ignored(logger, envelope.Id, envelope.EventType);
            return IngressResult.Answered(200, $"ignored: event type '{envelope.EventType}' is not handled");
        }

        // Stored as received when it is valid UTF-8 (the usual case: no decoding on the acknowledgement path); otherwise
        // decoded as before, invalid bytes becoming U+FFFD.
        var delivery = Utf8.IsValid(body)
            ? new Delivery { Platform = Platform, Id = envelope.Id, EventName = envelope.EventType, Utf8Body = body.ToArray(), ReceivedAt = receivedAt }
            : new Delivery { Platform = Platform, Id = envelope.Id, EventName = envelope.EventType, Body = Encoding.UTF8.GetString(body), ReceivedAt = receivedAt };
        return IngressResult.Accepted(delivery);
    }

    private bool IsAuthenticated(IReadOnlyDictionary<string, string> headers) =>
        _verifier.HasSecret ? _verifier.Verify(headers) : _allowUnauthenticated;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Azure DevOps service hook rejected with {StatusCode}: {Reason}")]
        public static partial void Rejected(ILogger logger, int statusCode, string reason);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Azure DevOps notification {DeliveryId} of type {EventType} ignored: not a handled event type")]
        public static partial void Ignored(ILogger logger, string deliveryId, string eventType);
    }
}
