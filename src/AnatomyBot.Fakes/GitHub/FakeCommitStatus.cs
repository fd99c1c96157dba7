namespace AnatomyBot.Fakes.GitHub;

/// <summary>A commit status on a commit: its context, state, description and link.</summary>
public sealed record FakeCommitStatus(long Id, string Sha, string Context, string State, string? Description, string? TargetUrl, DateTimeOffset CreatedAt);
