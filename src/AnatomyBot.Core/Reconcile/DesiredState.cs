namespace AnatomyBot.Core.Reconcile;

/// <summary>What the bot wants an item to look like on its platform after an evaluation.</summary>
public sealed record DesiredState
{
    /// <summary>The gap labels/tags (<c>anatomy:&lt;code&gt;</c>) the item should carry. Labels the bot does not own are never listed
    /// and never touched.</summary>
    public required IReadOnlySet<string> OwnedLabels { get; init; }

    /// <summary>The sticky comment body (Markdown, starting with <see cref="Markers.Comment"/>), or null for items that get no comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the comment thread should be shown resolved (Azure DevOps: closed thread when no gaps remain).
    /// Always false for GitHub items: an issue comment has no resolved state to compare against.</summary>
    public bool CommentResolved { get; init; }

    /// <summary>When true the comment is updated if one exists but never created (exempt pull requests: no noise on
    /// bot PRs, yet an earlier comment is corrected to say the PR is now exempt).</summary>
    public bool CommentOnlyIfExisting { get; init; }

    /// <summary>When true the item's owned labels stay exactly as they are (<c>policy.mode: off</c>).</summary>
    public bool KeepLabels { get; init; }

    /// <summary>The check/status, or null for items that get none (backlog items).</summary>
    public CheckState? Check { get; init; }
}
