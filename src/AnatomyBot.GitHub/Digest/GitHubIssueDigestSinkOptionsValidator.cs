using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Digest;

/// <summary>Validates <see cref="GitHubIssueDigestSinkOptions"/>'s data annotations with code generated at build time
/// (no reflection).</summary>
[OptionsValidator]
internal sealed partial class GitHubIssueDigestSinkOptionsValidator : IValidateOptions<GitHubIssueDigestSinkOptions>;
