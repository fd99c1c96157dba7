namespace AnatomyBot.GitHub.Events;

/// <summary>Something whose current state must be re-read and reconciled.</summary>
public abstract record Subject;

/// <summary>A pull request: evaluate it and reconcile its comment, check run and labels.</summary>
public sealed record PullRequestSubject(IssueId PullRequest) : Subject;

/// <summary>An issue: reconcile its labels, then (when <paramref name="WithLinkedPullRequests"/>) the open pull requests
/// that link to it. The sweep reconciles every open pull request on its own, so it does not follow the links.</summary>
public sealed record IssueSubject(IssueId Issue, bool WithLinkedPullRequests = true) : Subject;

/// <summary>A repository whose anatomy changed: every open pull request is re-evaluated.</summary>
public sealed record AnatomyChangedSubject(RepositoryId Repository) : Subject;
