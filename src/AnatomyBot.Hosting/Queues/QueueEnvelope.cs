using System.Text.Json;
using System.Text.Json.Serialization;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Queues;

/// <summary>The Azure Storage queue message for one delivery. A queue message holds at most 64 KB (48 KB of JSON once
/// Base64-encoded), while a webhook body may be 25 MB: small deliveries travel inline, larger ones by reference to the
/// delivery ledger row that the receiver wrote before acknowledging (claim check).</summary>
public sealed record QueueEnvelope(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("delivery")] Delivery? Delivery)
{
    /// <summary>Inline limit for the serialised delivery, leaving room for the envelope and Base64's 4/3 growth.</summary>
    public const int MaxInlineBytes = 45 * 1024;

    public static string Serialize(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var inline = JsonSerializer.Serialize(new QueueEnvelope(delivery.Platform, delivery.Id, delivery.Attempts, delivery), QueueJsonContext.Default.QueueEnvelope);
        return System.Text.Encoding.UTF8.GetByteCount(inline) <= MaxInlineBytes
            ? inline
            : JsonSerializer.Serialize(new QueueEnvelope(delivery.Platform, delivery.Id, delivery.Attempts, null), QueueJsonContext.Default.QueueEnvelope);
    }

    /// <summary>The envelope, or null when the message is not one of ours (then it belongs in poison).</summary>
    public static QueueEnvelope? TryParse(string message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<QueueEnvelope>(message, QueueJsonContext.Default.QueueEnvelope);
            return envelope is { Platform.Length: > 0, Id.Length: > 0 } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
