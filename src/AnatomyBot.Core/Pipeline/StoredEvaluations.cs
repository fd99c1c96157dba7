using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Turns the engine's evaluation into the ledger's record, keeping what the ledger already knew
/// (when the item was first seen, when a pull request was merged).</summary>
public static class StoredEvaluations
{
    public static StoredEvaluation From(ItemEvaluation evaluation, StoredEvaluation? previous, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var item = evaluation.Item;
        var gaps = new Dictionary<string, GapSeverity>(StringComparer.Ordinal);
        foreach (var gap in evaluation.Gaps)
        {
            gaps[gap.Code] = gaps.TryGetValue(gap.Code, out var known) && known > gap.Severity ? known : gap.Severity;
        }

        return new StoredEvaluation
        {
            Source = item.Source,
            ItemId = item.Id,
            Kind = item.Kind,
            Title = item.Title,
            Url = item.Url,
            Scope = item.Scope,
            Layer = evaluation.Layer,
            Trace = evaluation.Trace,
            Gaps = gaps,
            IsExempt = evaluation.IsExempt,
            IsOpen = item.IsOpen,
            MergedAt = previous?.MergedAt ?? (IsMerged(item) ? at : null),
            FirstSeen = previous?.FirstSeen ?? at,
            EvaluatedAt = at,
        };
    }

    private static bool IsMerged(WorkItem item) =>
        item.Kind == ItemKind.PullRequest
        && (string.Equals(item.State, "merged", StringComparison.OrdinalIgnoreCase)
            || string.Equals(item.State, "completed", StringComparison.OrdinalIgnoreCase));
}
