using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnatomyBot.GitHub.Digest;

/// <summary>The digest sink's JSON, generated at build time (web defaults; nulls are not sent).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DigestIssueWrite))]
[JsonSerializable(typeof(GitHubDigestIssue))]
[JsonSerializable(typeof(List<GitHubDigestIssue>))]
internal sealed partial class GitHubDigestJsonContext : JsonSerializerContext;
