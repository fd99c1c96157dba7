using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Digest;

/// <summary>Turns an engine evaluation into the ledger's shape, so the stateless digest shares the ledger digest's code.</summary>
public static class StoredEvaluations
{
    public static StoredEvaluation From(ItemEvaluation evaluation, DateTimeOffset evaluatedAt = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var gaps = new Dictionary<string, Policy.GapSeverity>(StringComparer.Ordinal);
        foreach (var gap in evaluation.Gaps)
        {
            gaps[gap.Code] = gaps.TryGetValue(gap.Code, out var known) && known > gap.Severity ? known : gap.Severity;
        }

        var item = evaluation.Item;
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
            MergedAt = item.MergedAt,
            FirstSeen = evaluatedAt,
            EvaluatedAt = evaluatedAt,
        };
    }
}
