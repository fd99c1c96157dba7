namespace AnatomyBot.GitHub.Events;

/// <summary>What the bot takes from a webhook payload: only identities (which repository, which number, which
/// installation) and routing facts — never the state, which is re-read from the API.</summary>
public sealed record WebhookFacts
{
    /// <summary>The most pushed commits read from one payload (GitHub lists at most 20).</summary>
    public const int MaxPushCommits = 100;

    public required string EventName { get; init; }

    public string? Action { get; init; }

    public RepositoryId? Repository { get; init; }

    public long? InstallationId { get; init; }

    /// <summary>The pull request or issue number the event is about.</summary>
    public int? Number { get; init; }

    /// <summary><c>issue_comment</c>: whether the commented issue is a pull request.</summary>
    public bool OnPullRequest { get; init; }

    /// <summary><c>issue_comment</c>: the comment itself.</summary>
    public CommentFacts? Comment { get; init; }

    /// <summary><c>issues.transferred</c>: where the issue went.</summary>
    public IssueId? TransferredTo { get; init; }

    /// <summary><c>sub_issues</c>: the child issue whose parent changed.</summary>
    public IssueId? SubIssue { get; init; }

    /// <summary><c>push</c>: the ref pushed and the repository's default branch.</summary>
    public string? Ref { get; init; }

    public string? DefaultBranch { get; init; }

    /// <summary><c>push</c>: every path added, modified or removed by the pushed commits.</summary>
    public IReadOnlyList<string> TouchedPaths { get; init; } = [];

    /// <summary>Who caused the event (<c>sender.login</c>).</summary>
    public string? Sender { get; init; }

    /// <summary>The web address of the issue or pull request the event is about.</summary>
    public string? ItemUrl { get; init; }

    /// <summary><c>labeled</c>/<c>unlabeled</c>: the label added or removed.</summary>
    public string? Label { get; init; }

    /// <summary><c>push</c>: the commit the ref pointed at before and after the push.</summary>
    public string? Before { get; init; }

    public string? After { get; init; }

    /// <summary><c>push</c>: who pushed (<c>pusher.name</c>).</summary>
    public string? Pusher { get; init; }

    /// <summary><c>push</c>: the pushed commits, oldest first, at most <see cref="MaxPushCommits"/>.</summary>
    public IReadOnlyList<PushCommitFacts> Commits { get; init; } = [];

    /// <summary><c>push</c>: GitHub lists at most 20 commits in the payload; past that, touched paths are incomplete.</summary>
    public bool TouchedPathsIncomplete { get; init; }
}
