namespace AnatomyBot.Fakes.GitHub;

/// <summary>A comment on an issue or pull request.</summary>
public sealed record FakeIssueComment(long Id, string Body, string Author, DateTimeOffset CreatedAt);
