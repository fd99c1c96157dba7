using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Events;

/// <summary>What a notification is about: only ids are taken from the payload; the state is always re-read.</summary>
public abstract record NotificationSubject;

/// <summary>A work item was created, updated, restored or deleted.</summary>
public sealed record WorkItemSubject(int WorkItemId, bool Deleted) : NotificationSubject;

/// <summary>A pull request was created, updated, merged or commented on.</summary>
public sealed record PullRequestSubject(PullRequestRef PullRequest) : NotificationSubject;

/// <summary>Code was pushed: the anatomy file may have changed. <see cref="Project"/> is the project id,
/// <see cref="DefaultBranch"/> the repository's (<c>refs/heads/main</c>) when the payload carries it.</summary>
public sealed record PushSubject(
    string Project,
    string RepositoryId,
    string? RepositoryName,
    IReadOnlyList<RefUpdate> RefUpdates,
    string? ProjectName = null,
    string? DefaultBranch = null) : NotificationSubject;

/// <summary>The bot's own re-evaluation of listed items (nightly sweep, anatomy change): exactly these work items and pull
/// requests, no dependants (the listing already holds them). <see cref="AnatomyVersion"/>, when set, is the anatomy version
/// the evaluation must use.</summary>
public sealed record ReconcileSubject(IReadOnlyList<int> WorkItemIds, IReadOnlyList<PullRequestRef> PullRequests, string? AnatomyVersion) : NotificationSubject
{
    public override string ToString() => $"re-evaluation of {WorkItemIds.Count} work item(s) and {PullRequests.Count} pull request(s)";
}
