using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Seams;

namespace AnatomyBot.GitHub.Interim;

/// <summary>INTERIM until Core's <c>DesiredStateBuilder</c> and <c>ReconcilePlanner</c> land on main: gap labels of
/// severity warn or block, a plain comment and check for pull requests, and a label/comment/check diff.</summary>
internal sealed class InterimReconcileRules : IReconcileRules
{
    public DesiredState Desire(ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var labels = evaluation.Gaps.Where(g => g.Severity >= GapSeverity.Warn).Select(g => GapCodes.ToLabel(g.Code))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (evaluation.Item.Kind != ItemKind.PullRequest)
        {
            return new DesiredState { OwnedLabels = labels };
        }

        var conclusion = evaluation.IsExempt ? CheckConclusion.NotApplicable : evaluation.Verdict switch
        {
            GapSeverity.Block => CheckConclusion.Failure,
            GapSeverity.Warn => CheckConclusion.Neutral,
            _ => CheckConclusion.Success,
        };
        var lines = evaluation.Gaps.Select(g => $"- `{g.Code}`: {g.Message} Fix: {g.Fix}").ToList();
        var body = lines.Count == 0 ? "All anatomy links are in place." : string.Join('\n', lines);
        var title = lines.Count == 0 ? "Linked to the anatomy" : $"{lines.Count} gap(s)";
        return new DesiredState
        {
            OwnedLabels = labels,
            Comment = $"{Markers.Comment}\n## Anatomy\n\n{body}\n",
            Check = new CheckState(conclusion, title, body),
        };
    }

    public ReconcilePlan Plan(DesiredState desired, CurrentState current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var owned = current.Labels.Where(l => l.StartsWith(GapCodes.LabelPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        var comment = desired.Comment is null ? CommentChange.None
            : current.Comment is null ? new CommentChange(CommentChangeKind.Create, desired.Comment)
            : current.Comment.Body == desired.Comment ? CommentChange.None
            : new CommentChange(CommentChangeKind.Update, desired.Comment, current.Comment.Id);
        return new ReconcilePlan
        {
            LabelsToAdd = [.. desired.OwnedLabels.Where(l => !owned.Contains(l, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)],
            LabelsToRemove = [.. owned.Where(l => !desired.OwnedLabels.Contains(l) && !l.Equals("anatomy:exempt", StringComparison.OrdinalIgnoreCase))],
            LabelsAfter = [.. desired.OwnedLabels.Order(StringComparer.Ordinal)],
            Comment = comment,
            Check = desired.Check is null || desired.Check == current.Check ? null : desired.Check,
        };
    }
}
