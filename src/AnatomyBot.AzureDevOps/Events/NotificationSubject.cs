using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Events;

/// <summary>What a notification is about: only ids are taken from the payload; the state is always re-read.</summary>
public abstract record NotificationSubject;

/// <summary>A work item was created, updated, restored or deleted.</summary>
public sealed record WorkItemSubject(int WorkItemId, bool Deleted) : NotificationSubject;

/// <summary>A pull request was created, updated, merged or commented on.</summary>
public sealed record PullRequestSubject(PullRequestRef PullRequest) : NotificationSubject;

/// <summary>Code was pushed: the anatomy file may have changed.</summary>
public sealed record PushSubject(string Project, string RepositoryId, string? RepositoryName, IReadOnlyList<string> RefNames) : NotificationSubject;
