using System.Text.Json.Serialization;

namespace AnatomyBot.GitHub.Digest;

/// <summary>The body of the digest sink's issue create and update calls; the fields left null are not sent (create:
/// <c>title</c>, <c>body</c>, <c>labels</c>; update: <c>title</c>, <c>body</c>, <c>state</c>; close: <c>state</c>,
/// <c>state_reason</c>).</summary>
internal sealed record DigestIssueWrite(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("body")] string? Body = null,
    [property: JsonPropertyName("labels")] IReadOnlyList<string>? Labels = null,
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("state_reason")] string? StateReason = null);
