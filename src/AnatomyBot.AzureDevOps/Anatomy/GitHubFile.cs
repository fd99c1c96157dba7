namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>What GitHub answered for a file: its text and <c>ETag</c>, "not modified" (the held copy is current) or
/// "not found".</summary>
public sealed record GitHubFile(GitHubFileStatus Status, string? Text = null, string? ETag = null)
{
    public static GitHubFile NotModified { get; } = new(GitHubFileStatus.NotModified);

    public static GitHubFile NotFound { get; } = new(GitHubFileStatus.NotFound);
}
