namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>The service-hook event types the bot subscribes to (the notification's <c>eventType</c>).</summary>
public static class AzureDevOpsEventTypes
{
    public const string WorkItemCreated = "workitem.created";
    public const string WorkItemUpdated = "workitem.updated";
    public const string WorkItemRestored = "workitem.restored";
    public const string WorkItemDeleted = "workitem.deleted";
    public const string PullRequestCreated = "git.pullrequest.created";
    public const string PullRequestUpdated = "git.pullrequest.updated";
    public const string PullRequestMerged = "git.pullrequest.merged";
    public const string PullRequestCommented = "ms.vss-code.git-pullrequest-comment-event";
    public const string Push = "git.push";

    public static IReadOnlyList<string> All { get; } =
    [
        WorkItemCreated, WorkItemUpdated, WorkItemRestored, WorkItemDeleted,
        PullRequestCreated, PullRequestUpdated, PullRequestMerged, PullRequestCommented, Push,
    ];

    public static bool IsSupported(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
