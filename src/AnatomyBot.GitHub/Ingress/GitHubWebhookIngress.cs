using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Ingress;

/// <summary>Authenticates a GitHub webhook request and turns it into a <see cref="Delivery"/>. No API calls.
/// 413 over 25 MB · 401 bad or missing signature · 400 missing headers or a body that is not one JSON object in UTF-8 ·
/// 200 for <c>ping</c> (no delivery) · 204 for events the bot does not handle (no delivery) · 202 otherwise.</summary>
public sealed class GitHubWebhookIngress(IOptions<GitHubOptions> options) : IWebhookIngress
{
    /// <summary>GitHub caps webhook payloads at 25 MB.</summary>
    public const long MaxPayloadBytes = 25L * 1024 * 1024;

    public string Platform => Platforms.GitHub;

    public long MaxBodyBytes => MaxPayloadBytes;

    public IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (body.Length > MaxBodyBytes)
        {
            return IngressResult.Rejected(413, "payload larger than 25 MB");
        }

        var secret = options.Value.WebhookSecret;
        if (!string.IsNullOrEmpty(secret))
        {
            var signature = GitHubHeaders.Find(headers, GitHubHeaders.Signature256);
            if (signature is null)
            {
                return IngressResult.Rejected(401, "missing X-Hub-Signature-256");
            }

            if (!WebhookSignature.IsValid(secret, body, signature))
            {
                return IngressResult.Rejected(401, "signature does not match");
            }
        }
        else if (!options.Value.AllowUnsignedWebhooks)
        {
            return IngressResult.Rejected(401, "no webhook secret configured");
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

        if (!IsJsonObject(body))
        {
            return IngressResult.Rejected(400, "body is not a JSON object");
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
            Id = deliveryId,
            EventName = eventName,
            Utf8Body = body.ToArray(),
            ReceivedAt = receivedAt,
        });
    }

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
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
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
