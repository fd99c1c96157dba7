using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Ingress;

/// <summary>Authenticates a GitHub webhook request and turns it into a <see cref="Delivery"/>. No API calls.
/// 401 without a well-formed <c>X-Hub-Signature-256</c> (decided on the headers, before the body is read) · 413 over
/// 25 MB · 401 when the signature matches neither configured secret · 400 for a form-encoded body, a missing event, an
/// <c>X-GitHub-Delivery</c> that is not a GUID, or a body that is not one JSON object in valid UTF-8 within
/// <see cref="JsonLimits.MaxDepth"/> · 200 for <c>ping</c> (no delivery) · 204 for events the bot does not handle (no
/// delivery) · 202 otherwise. The secrets are read on every request, so a rotated secret applies without a restart
/// wherever the host reloads its configuration.</summary>
public sealed class GitHubWebhookIngress : IWebhookIngress
{
    /// <summary>GitHub caps webhook payloads at 25 MB.</summary>
    public const long MaxPayloadBytes = 25L * 1024 * 1024;

    /// <summary>The answer to a webhook whose content type is <c>application/x-www-form-urlencoded</c>.</summary>
    public const string FormEncoded = "the body is form-encoded: set the webhook's content type to application/json";

    private readonly Func<GitHubOptions> _options;

    /// <summary>An ingress that reads the options' current value on every request.</summary>
    public GitHubWebhookIngress(IOptionsMonitor<GitHubOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = () => options.CurrentValue;
    }

    /// <summary>An ingress over a fixed configuration (no reload).</summary>
    public GitHubWebhookIngress(IOptions<GitHubOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = () => options.Value;
    }

    public string Platform => Platforms.GitHub;

    public long MaxBodyBytes => MaxPayloadBytes;

    public IngressResult? Screen(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var options = _options();
        if (!options.WebhookSecrets().Any())
        {
            return options.AllowUnsignedWebhooks ? null : IngressResult.Rejected(401, "no webhook secret configured");
        }

        var signature = GitHubHeaders.Find(headers, GitHubHeaders.Signature256);
        return signature is null ? IngressResult.Rejected(401, "missing X-Hub-Signature-256")
            : !WebhookSignature.IsWellFormed(signature) ? IngressResult.Rejected(401, "malformed X-Hub-Signature-256")
            : null;
    }

    public IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        if (Screen(headers) is { } refused)
        {
            return refused;
        }

        if (body.Length > MaxBodyBytes)
        {
            return IngressResult.Rejected(413, "payload larger than 25 MB");
        }

        var signature = GitHubHeaders.Find(headers, GitHubHeaders.Signature256);
        var secrets = _options().WebhookSecrets().ToList();
        if (secrets.Count > 0 && !Signed(secrets, body, signature))
        {
            return IngressResult.Rejected(401, "signature does not match");
        }

        if (IsFormEncoded(headers, body))
        {
            return IngressResult.Rejected(400, FormEncoded);
        }

        var eventName = GitHubHeaders.Find(headers, GitHubHeaders.Event)?.Trim();
        var deliveryId = GitHubHeaders.Find(headers, GitHubHeaders.Delivery)?.Trim();
        if (string.IsNullOrEmpty(eventName))
        {
            return IngressResult.Rejected(400, "missing X-GitHub-Event");
        }

        if (string.IsNullOrEmpty(deliveryId))
        {
            return IngressResult.Rejected(400, "missing X-GitHub-Delivery");
        }

        if (deliveryId.Length != 36 || !Guid.TryParseExact(deliveryId, "D", out var guid))
        {
            return IngressResult.Rejected(400, "X-GitHub-Delivery is not a GUID");
        }

        if (!IsJsonObject(body))
        {
            return IngressResult.Rejected(400, $"body is not one JSON object in UTF-8 nested at most {JsonLimits.MaxDepth} deep");
        }

        if (eventName == GitHubEvents.Ping)
        {
            return IngressResult.Answered(200, "pong");
        }

        if (!GitHubEvents.Handled.Contains(eventName))
        {
            return IngressResult.Answered(204, $"event '{eventName}' is not handled");
        }

        return IngressResult.Accepted(new Delivery
        {
            Platform = Platforms.GitHub,
            Id = guid.ToString("D"),
            EventName = eventName,
            Utf8Body = body.ToArray(),
            ReceivedAt = receivedAt,
        });
    }

    /// <summary>Each secret is compared in constant time; which one matched is not told.</summary>
    private static bool Signed(List<string> secrets, ReadOnlySpan<byte> body, string? signature)
    {
        var valid = false;
        foreach (var secret in secrets)
        {
            valid |= WebhookSignature.IsValid(secret, body, signature);
        }

        return valid;
    }

    private static bool IsFormEncoded(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        (GitHubHeaders.Find(headers, "Content-Type") ?? "").Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || body.StartsWith("payload="u8);

    /// <summary>One JSON object in valid UTF-8 (RFC 8259 §8.1). The reader checks the structure but not the bytes inside
    /// strings, and the body is processed decoded: invalid bytes would be read as U+FFFD, no longer what was signed.</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = JsonLimits.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
