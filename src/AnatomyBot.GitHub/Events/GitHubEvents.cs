namespace AnatomyBot.GitHub.Events;

/// <summary>The <c>X-GitHub-Event</c> names the bot subscribes to and handles.</summary>
public static class GitHubEvents
{
    public const string Ping = "ping";
    public const string PullRequest = "pull_request";
    public const string Issues = "issues";
    public const string IssueComment = "issue_comment";
    public const string SubIssues = "sub_issues";
    public const string Push = "push";
    public const string Installation = "installation";
    public const string InstallationRepositories = "installation_repositories";

    /// <summary>Not a GitHub event: the synthetic delivery of the nightly sweep and of an anatomy change
    /// (<see cref="Sweep.SweepDelivery"/>). Never accepted from the webhook route.</summary>
    public const string Sweep = "anatomybot_reconcile";

    /// <summary>The action of a <see cref="Sweep"/> delivery that names a repository instead of an item: re-sweep it unless
    /// it has an anatomy of its own (the organisation's anatomy changed).</summary>
    public const string ReconcileRepositoryAction = "reconcile-repository";

    /// <summary>Events the ingress accepts as deliveries (202); any other event is answered 204 without one.</summary>
    public static IReadOnlySet<string> Handled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PullRequest, Issues, IssueComment, SubIssues, Push, Installation, InstallationRepositories,
    };
}
