namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>How to render the digest Markdown.</summary>
public sealed record DigestRenderOptions
{
    /// <summary>The GitHub issue body limit, in characters.</summary>
    public const int GitHubIssueBodyLimit = 65_536;

    public DigestFlavor Flavor { get; init; } = DigestFlavor.GitHub;

    /// <summary>Longest Markdown allowed; past it the digest is cut between blocks with a note. Null: no limit.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Where the full digest can be read when it is cut (a file in the repository, a wiki page…).</summary>
    public string? FullDigestUrl { get; init; }

    public static DigestRenderOptions GitHubIssue(string? fullDigestUrl = null) =>
        new() { Flavor = DigestFlavor.GitHub, MaxLength = GitHubIssueBodyLimit, FullDigestUrl = fullDigestUrl };
}
