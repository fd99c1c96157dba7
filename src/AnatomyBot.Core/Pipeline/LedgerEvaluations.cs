using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Turns the engine's evaluation into the ledger's record (the digest's mapping), keeping what the ledger
/// already knew: when the item was first seen and when a pull request was merged. The merge time is the platform's own
/// (<see cref="WorkItem.MergedAt"/>); only a merged state without one falls back to the time of evaluation.</summary>
public static class LedgerEvaluations
{
    public static StoredEvaluation From(ItemEvaluation evaluation, StoredEvaluation? previous, DateTimeOffset at)
    {
        var stored = Digest.StoredEvaluations.From(evaluation, at);
        return stored with
        {
            MergedAt = evaluation.Item.MergedAt ?? previous?.MergedAt ?? (IsMerged(evaluation.Item) ? at : null),
            FirstSeen = previous?.FirstSeen ?? at,
        };
    }

    private static bool IsMerged(WorkItem item) =>
        item.Kind == ItemKind.PullRequest
        && (string.Equals(item.State, "merged", StringComparison.OrdinalIgnoreCase)
            || string.Equals(item.State, "completed", StringComparison.OrdinalIgnoreCase));
}
