using System.Text.Json.Serialization;

namespace AnatomyBot.GitHub.Digest;

/// <summary>The fields of a GitHub issue the digest sink reads.</summary>
internal sealed record GitHubDigestIssue(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("html_url")] string? HtmlUrl,
    [property: JsonPropertyName("pull_request")] System.Text.Json.JsonElement? PullRequest);
