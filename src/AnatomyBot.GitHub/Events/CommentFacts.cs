namespace AnatomyBot.GitHub.Events;

/// <summary><c>issue_comment</c>: the comment that may hold <c>/anatomy</c> commands, its author and where it is.</summary>
public sealed record CommentFacts(long Id, string Body, string Author, bool AuthorIsBot, string? Url);
