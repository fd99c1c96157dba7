namespace AnatomyBot.Core.Reconcile;

/// <summary>Desired state versus current state → the minimal plan. Pure. Planning again over the state a plan produced
/// gives an empty plan, so repeated or concurrent events never write twice.</summary>
public static class ReconcilePlanner
{
    /// <summary>The changes that turn <paramref name="current"/> into <paramref name="desired"/>: owned labels added or
    /// removed (others untouched), the sticky comment created or updated (never deleted), the check set when it differs.</summary>
    public static ReconcilePlan Plan(DesiredState desired, CurrentState current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var owned = desired.KeepLabels
            ? current.Labels.Where(OwnedLabels.IsOwned).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : desired.OwnedLabels;
        var labels = LabelPlanner.Plan(owned, current.Labels);
        return new ReconcilePlan
        {
            LabelsToAdd = labels.Add,
            LabelsToRemove = labels.Remove,
            LabelsAfter = labels.After,
            Comment = PlanComment(desired, current.Comment),
            Check = PlanCheck(desired.Check, current.Check),
        };
    }

    /// <summary>The state the platform is in after <paramref name="plan"/> was applied to <paramref name="current"/>.
    /// A created comment gets <paramref name="createdCommentId"/>. Used by dry runs, fakes and idempotence tests.</summary>
    public static CurrentState Simulate(CurrentState current, ReconcilePlan plan, string createdCommentId = "new")
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(plan);
        var comment = plan.Comment.Kind switch
        {
            CommentChangeKind.Create => new ExistingComment(createdCommentId, plan.Comment.Body ?? "", plan.Comment.Resolved),
            CommentChangeKind.Update => new ExistingComment(plan.Comment.ExistingId ?? createdCommentId, plan.Comment.Body ?? "", plan.Comment.Resolved),
            _ => current.Comment,
        };
        return new CurrentState
        {
            Labels = plan.LabelsToAdd.Count + plan.LabelsToRemove.Count == 0 ? current.Labels : plan.LabelsAfter,
            Comment = comment,
            Check = plan.Check ?? current.Check,
        };
    }

    private static CommentChange PlanComment(DesiredState desired, ExistingComment? existing)
    {
        if (desired.Comment is null)
        {
            return CommentChange.None;
        }

        if (existing is null)
        {
            return desired.CommentOnlyIfExisting
                ? CommentChange.None
                : new CommentChange(CommentChangeKind.Create, desired.Comment, Resolved: desired.CommentResolved);
        }

        var unchanged = TextEquality.SameText(existing.Body, desired.Comment) && existing.Resolved == desired.CommentResolved;
        return unchanged
            ? CommentChange.None
            : new CommentChange(CommentChangeKind.Update, desired.Comment, existing.Id, desired.CommentResolved);
    }

    private static CheckState? PlanCheck(CheckState? desired, CheckState? current)
    {
        if (desired is null)
        {
            return null;
        }

        var unchanged = current is not null
            && current.Conclusion == desired.Conclusion
            && TextEquality.SameText(current.Title, desired.Title)
            && TextEquality.SameText(current.Summary, desired.Summary);
        return unchanged ? null : desired;
    }
}
