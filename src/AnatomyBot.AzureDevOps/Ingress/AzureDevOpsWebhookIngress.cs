using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>Authenticates an Azure DevOps service hook and reads just enough of it to persist it. Order: 401 without the
/// secret (decided on the headers, before the body is read), 413 for an oversized body, 400 for a body that is not valid
/// UTF-8, malformed JSON or JSON nested deeper than <see cref="JsonLimits.MaxDepth"/>, a missing <c>id</c> /
/// <c>eventType</c>, or an <c>id</c> that is not a platform id (the bot's own synthetic ids, with a colon, cannot come
/// from outside), 200 "ignored" for an event type the bot does not handle (so a subscription widened by mistake is
/// visible in its history but is not disabled by Azure DevOps for failing), 202 for a delivery. The secrets are read on
/// every request, so a rotated secret applies without a restart wherever the host reloads its configuration.</summary>
public sealed partial class AzureDevOpsWebhookIngress : IWebhookIngress
{
    /// <summary>Azure DevOps notifications are small; 25 MB leaves room for pushes with many commits.</summary>
    public const long MaxBody = 25L * 1024 * 1024;

    /// <summary>Longest notification id accepted (Azure DevOps sends GUIDs, 36 characters).</summary>
    public const int MaxIdLength = 64;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    private readonly Func<AzureDevOpsOptions> _options;
    private readonly ILogger<AzureDevOpsWebhookIngress> _logger;
    private (string? Secret, string? Previous, string? Header, HookSecretVerifier Verifier)? _verifier;

    /// <summary>An ingress that reads the options' current value on every request.</summary>
    public AzureDevOpsWebhookIngress(IOptionsMonitor<AzureDevOpsOptions> options, ILogger<AzureDevOpsWebhookIngress> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = () => options.CurrentValue;
        _logger = logger;
    }

    /// <summary>An ingress over a fixed configuration (no reload).</summary>
    public AzureDevOpsWebhookIngress(IOptions<AzureDevOpsOptions> options, ILogger<AzureDevOpsWebhookIngress> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = () => options.Value;
        _logger = logger;
    }

    public string Platform => Platforms.AzureDevOps;

    public long MaxBodyBytes => MaxBody;

    public IngressResult? Screen(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (IsAuthenticated(headers))
        {
            return null;
        }

        Log.Rejected(_logger, 401, "missing or wrong secret");
        return IngressResult.Rejected(401, "missing or wrong service-hook secret");
    }

    public IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        if (Screen(headers) is { } refused)
        {
            return refused;
        }

        if (body.Length > MaxBodyBytes)
        {
            Log.Rejected(_logger, 413, "body too large");
            return IngressResult.Rejected(413, $"body larger than {MaxBodyBytes} bytes");
        }

        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(body))
        {
            return Reject("the body is not valid UTF-8");
        }

        if (!NotificationEnvelope.TryRead(body, out var envelope, out var error))
        {
            return Reject(error);
        }

        if (!IsPlatformId(envelope!.Id))
        {
            return Reject($"the notification id is not an Azure DevOps id (letters, digits and dashes, at most {MaxIdLength})");
        }

        if (!AzureDevOpsEventTypes.IsSupported(envelope.EventType))
        {
            Log.Ignored(_logger, envelope.Id, envelope.EventType);
            return IngressResult.Answered(200, $"ignored: event type '{envelope.EventType}' is not handled");
        }

        return IngressResult.Accepted(
            new Delivery { Platform = Platform, Id = envelope.Id, EventName = envelope.EventType, Utf8Body = body.ToArray(), ReceivedAt = receivedAt });
    }

    private static bool IsPlatformId(string id) =>
        id.Length <= MaxIdLength && id.AsSpan().IndexOfAnyExcept(IdCharacters) < 0;

    private IngressResult Reject(string reason)
    {
        Log.Rejected(_logger, 400, reason);
        return IngressResult.Rejected(400, reason);
    }

    private bool IsAuthenticated(IReadOnlyDictionary<string, string> headers)
    {
        var options = _options();
        var verifier = VerifierFor(options);
        return verifier.HasSecret ? verifier.Verify(headers) : options.AllowUnauthenticatedWebhooks;
    }

    /// <summary>The verifier of the current secrets, made again only when they change.</summary>
    private HookSecretVerifier VerifierFor(AzureDevOpsOptions options)
    {
        var known = _verifier;
        if (known is { } k && k.Secret == options.WebhookSecret && k.Previous == options.PreviousWebhookSecret && k.Header == options.WebhookSecretHeader)
        {
            return k.Verifier;
        }

        var verifier = new HookSecretVerifier([options.WebhookSecret, options.PreviousWebhookSecret], options.WebhookSecretHeader);
        _verifier = (options.WebhookSecret, options.PreviousWebhookSecret, options.WebhookSecretHeader, verifier);
        return verifier;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Azure DevOps service hook rejected with {StatusCode}: {Reason}")]
        public static partial void Rejected(ILogger logger, int statusCode, string reason);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Azure DevOps notification {DeliveryId} of type {EventType} ignored: not a handled event type")]
        public static partial void Ignored(ILogger logger, string deliveryId, string eventType);
    }
}
