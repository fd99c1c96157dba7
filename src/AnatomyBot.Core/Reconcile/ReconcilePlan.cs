namespace AnatomyBot.Core.Reconcile;

/// <summary>The minimal set of changes that turns the current state into the desired one. Empty when nothing differs.</summary>
public sealed record ReconcilePlan
{
    public IReadOnlyList<string> LabelsToAdd { get; init; } = [];

    public IReadOnlyList<string> LabelsToRemove { get; init; } = [];

    /// <summary>The item's FULL label/tag list after the change: every label the bot does not own kept exactly as written
    /// and in place, owned labels that stay kept as written, added ones appended in canonical spelling. Azure DevOps
    /// replaces the whole <c>System.Tags</c> list, so it writes this (joined with <c>"; "</c>) when labels change.</summary>
    public IReadOnlyList<string> LabelsAfter { get; init; } = [];

    public CommentChange Comment { get; init; } = CommentChange.None;

    /// <summary>The check to publish, or null to leave it as it is.</summary>
    public CheckState? Check { get; init; }

    public bool IsEmpty => LabelsToAdd.Count == 0 && LabelsToRemove.Count == 0 && Comment.Kind == CommentChangeKind.None && Check is null;

    public int WriteCount => (LabelsToAdd.Count + LabelsToRemove.Count > 0 ? 1 : 0) + (Comment.Kind == CommentChangeKind.None ? 0 : 1) + (Check is null ? 0 : 1);
}
