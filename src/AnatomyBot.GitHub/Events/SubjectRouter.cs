namespace AnatomyBot.GitHub.Events;

/// <summary>Pure: which subjects a webhook changed. Actions not listed are skipped with a reason, never an error. Closing
/// and reopening are routed like any change (the reconciler records a closed item without writing to it); a deleted issue
/// has nothing left to read.</summary>
public static class SubjectRouter
{
    private static readonly HashSet<string> PullRequestActions =
        ["opened", "edited", "synchronize", "reopened", "ready_for_review", "labeled", "unlabeled", "closed"];

    private static readonly HashSet<string> IssueActions =
        ["opened", "edited", "labeled", "unlabeled", "reopened", "transferred", "closed"];

    public static Route Route(WebhookFacts facts, string anatomyPath)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var what = facts.Action is null ? facts.EventName : $"{facts.EventName}.{facts.Action}";
        if (facts.Repository is null && facts.EventName is not (GitHubEvents.Installation or GitHubEvents.InstallationRepositories))
        {
            return Events.Route.Skip($"{what}: no repository in the payload");
        }

        return facts.EventName switch
        {
            GitHubEvents.PullRequest when PullRequestActions.Contains(facts.Action ?? "") && facts.Number is { } n =>
                One(new PullRequestSubject(new IssueId(facts.Repository!, n))),
            GitHubEvents.Issues when facts.Action == "transferred" => facts.TransferredTo is { } moved
                ? One(new IssueSubject(moved))
                : Events.Route.Skip($"{what}: no new issue in the payload"),
            GitHubEvents.Issues when facts.Action == "deleted" && facts.Number is { } n =>
                One(new DeletedIssueSubject(new IssueId(facts.Repository!, n))),
            GitHubEvents.Issues when IssueActions.Contains(facts.Action ?? "") && facts.Number is { } n =>
                One(new IssueSubject(new IssueId(facts.Repository!, n))),
            GitHubEvents.SubIssues when facts.SubIssue is { } child => One(new IssueSubject(child)),
            GitHubEvents.Sweep when facts.Action == GitHubEvents.ReconcileRepositoryAction && facts.Number is null =>
                One(new RepositorySweepSubject(facts.Repository!)),
            GitHubEvents.Sweep when facts.Number is { } n => facts.OnPullRequest
                ? One(new PullRequestSubject(new IssueId(facts.Repository!, n)))
                : One(new IssueSubject(new IssueId(facts.Repository!, n), WithLinkedPullRequests: false)),
            GitHubEvents.IssueComment when facts.Action != "created" => Events.Route.Skip($"{what}: only new comments are read for commands (an edited comment is not run again)"),
            GitHubEvents.IssueComment when facts.Comment is { } comment && facts.Number is { } n =>
                One(new CommentSubject(new IssueId(facts.Repository!, n), comment, facts.OnPullRequest)),
            GitHubEvents.IssueComment => Events.Route.Skip($"{what}: no comment in the payload"),
            GitHubEvents.Push => RoutePush(facts, anatomyPath, what),
            GitHubEvents.Installation or GitHubEvents.InstallationRepositories =>
                Events.Route.Skip($"{what}: installation noted; repositories are evaluated on their next event or sweep"),
            _ => Events.Route.Skip($"{what}: not an action the bot reacts to"),
        };
    }

    private static Route RoutePush(WebhookFacts facts, string anatomyPath, string what)
    {
        if (facts.DefaultBranch is null || facts.Ref != $"refs/heads/{facts.DefaultBranch}")
        {
            return Events.Route.Skip($"{what}: not the default branch");
        }

        var touched = facts.TouchedPathsIncomplete
            || facts.TouchedPaths.Any(p => string.Equals(p, anatomyPath, StringComparison.OrdinalIgnoreCase));
        return touched
            ? One(new AnatomyChangedSubject(facts.Repository!))
            : Events.Route.Skip($"{what}: anatomy file not touched");
    }

    private static Route One(Subject subject) => new([subject]);
}
