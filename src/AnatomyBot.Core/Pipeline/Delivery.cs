using System.Text;
using System.Text.Json.Serialization;

namespace AnatomyBot.Core.Pipeline;

/// <summary>One authenticated webhook delivery, persisted before it is acknowledged.
/// <see cref="Id"/> is the platform's delivery id (GitHub <c>X-GitHub-Delivery</c>; Azure DevOps notification id).
/// The body is set either as text (<see cref="Body"/>) or as the UTF-8 bytes received (<see cref="Utf8Body"/>); the other
/// form is derived on demand. An ingress sets the bytes, so acknowledging a delivery never decodes it: the ledger stores
/// the bytes as they came, and the text is decoded only when the delivery is processed.</summary>
public sealed record Delivery
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;
    private string? _decoded;

    public required string Platform { get; init; }

    public required string Id { get; init; }

    /// <summary>GitHub event name (<c>pull_request</c>) or Azure DevOps event type (<c>workitem.updated</c>).</summary>
    public required string EventName { get; init; }

    /// <summary>The raw body as received (UTF-8 JSON), as text; decoded once from <see cref="Utf8Body"/> when the delivery
    /// was built from bytes.</summary>
    public string Body
    {
        get => _text ?? (_decoded ??= Encoding.UTF8.GetString(_utf8.Span));
        init => _text = value;
    }

    /// <summary>The raw body as UTF-8 bytes, exactly as received when the delivery was built from bytes (the delivery owns
    /// them: the caller must not change them afterwards); the encoding of <see cref="Body"/> otherwise.</summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> Utf8Body
    {
        get => _text is null ? _utf8 : Encoding.UTF8.GetBytes(_text);
        init => _utf8 = value;
    }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How many times processing was attempted before this one.</summary>
    public int Attempts { get; init; }

    /// <summary>Equal when every property is, whichever form the body was given in.</summary>
    public bool Equals(Delivery? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Platform == other.Platform && Id == other.Id && EventName == other.EventName && ReceivedAt == other.ReceivedAt
                && Attempts == other.Attempts && Body == other.Body));

    public override int GetHashCode() => HashCode.Combine(Platform, Id, EventName, ReceivedAt, Attempts);
}
