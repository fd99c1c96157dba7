using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Evaluation → what the item should look like: gap labels and the sticky comment for every item; for pull
/// requests also the merge check. Pure and deterministic.</summary>
public static class DesiredStateBuilder
{
    /// <summary>
    /// Labels: <c>anatomy:&lt;code&gt;</c> for each <c>warn</c> or <c>block</c> gap (<c>info</c> gaps are shown, not
    /// labelled; a waived gap adds none; exempt items carry none). Backlog items get their sticky comment with <c>policy.itemComments: on-gaps</c>
    /// (the default): created only while a labelled gap is open, otherwise only corrected if one exists (to "all links
    /// in place"); <c>never</c> leaves comments alone. Pull requests also get the comment (exempt: only corrected if one exists,
    /// never created) and the check. <see cref="DesiredState.CommentResolved"/> is true when no gaps remain but waived ones (or exempt),
    /// on Azure DevOps only: GitHub comments have no resolved state.
    /// </summary>
    public static DesiredState Build(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        var mode = ModeResolver.For(evaluation, anatomy);
        if (mode == PolicyMode.Off)
        {
            return new DesiredState { OwnedLabels = new HashSet<string>(), KeepLabels = true };
        }

        var state = Full(evaluation, anatomy, (options ?? RenderOptions.Default) with { Mode = mode });
        return Moderate(state, mode, anatomy.Policy.Comment, evaluation);
    }

    /// <summary>What <c>policy.mode</c> and <c>policy.comment</c> leave of the full state (<c>off</c> is handled before:
    /// nothing written, labels kept as they are): <c>report</c> no labels (the check's wording and conclusion follow
    /// <see cref="RenderOptions.Mode"/>); on pull requests <c>comment: never</c> no comment (the check summary is the only text), <c>on-gaps</c>
    /// a comment created only while a gap no waiver covers remains.</summary>
    private static DesiredState Moderate(DesiredState full, PolicyMode mode, CommentMode comment, ItemEvaluation evaluation)
    {
        var state = full;
        if (mode == PolicyMode.Report)
        {
            state = state with { OwnedLabels = new HashSet<string>() };
        }

        if (evaluation.Item.Kind != ItemKind.PullRequest)
        {
            return state;
        }

        return comment switch
        {
            CommentMode.Never => state with { Comment = null },
            CommentMode.OnGaps when evaluation.Verdict is null => state with { CommentOnlyIfExisting = true },
            _ => state,
        };
    }

    private static DesiredState Full(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options)
    {
        var labels = evaluation.IsExempt
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : evaluation.Gaps.Where(g => g.Severity >= GapSeverity.Warn && g.Waiver is null && GapCodes.All.Contains(g.Code))
                .Select(g => GapCodes.ToLabel(g.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (evaluation.Item.Kind != ItemKind.PullRequest)
        {
            return anatomy.Policy.ItemComments == ItemComments.Never
                ? new DesiredState { OwnedLabels = labels }
                : new DesiredState
                {
                    OwnedLabels = labels,
                    Comment = ItemCommentRenderer.Render(evaluation, anatomy, options),
                    CommentOnlyIfExisting = !ItemCommentRenderer.NeedsLinks(evaluation),
                };
        }

        return new DesiredState
        {
            OwnedLabels = labels,
            Comment = CommentRenderer.Render(evaluation, anatomy, options),
            CommentResolved = evaluation.Item.Source == ItemSource.AzureDevOps && (evaluation.IsExempt || evaluation.Gaps.All(g => g.Waiver is not null)),
            CommentOnlyIfExisting = evaluation.IsExempt,
            Check = CheckRenderer.Render(evaluation, anatomy, options),
        };
    }
}
