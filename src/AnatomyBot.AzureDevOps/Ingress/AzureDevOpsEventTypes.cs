namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>The service-hook event types the bot subscribes to (the notification's <c>eventType</c>); <see cref="All"/> is
/// what the ingress accepts.</summary>
public static class AzureDevOpsEventTypes
{
    public const string WorkItemCreated = "workitem.created";
    public const string WorkItemUpdated = "workitem.updated";
    public const string WorkItemRestored = "workitem.restored";
    public const string WorkItemDeleted = "workitem.deleted";
    public const string WorkItemCommented = "workitem.commented";
    public const string PullRequestCreated = "git.pullrequest.created";
    public const string PullRequestUpdated = "git.pullrequest.updated";
    public const string PullRequestMerged = "git.pullrequest.merged";
    public const string PullRequestCommented = "ms.vss-code.git-pullrequest-comment-event";
    public const string Push = "git.push";

    /// <summary>The bot's own synthetic event (nightly sweep, re-evaluation after an anatomy change): never accepted from a
    /// service hook, only queued by the bot itself.</summary>
    public const string Reconcile = "anatomybot.reconcile";

    public static IReadOnlyList<string> All { get; } =
    [
        WorkItemCreated, WorkItemUpdated, WorkItemRestored, WorkItemDeleted, WorkItemCommented,
        PullRequestCreated, PullRequestUpdated, PullRequestMerged, PullRequestCommented, Push,
    ];

    public static bool IsSupported(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
