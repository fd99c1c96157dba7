namespace AnatomyBot.GitHub.Events;

/// <summary>A new comment on an issue or pull request: its <c>/anatomy</c> commands are run and answered.</summary>
public sealed record CommentSubject(IssueId Item, CommentFacts Comment, bool OnPullRequest) : Subject;
