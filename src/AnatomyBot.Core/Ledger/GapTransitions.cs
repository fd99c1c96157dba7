using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Ledger;

/// <summary>Which gaps opened and which closed between two evaluations of the same item. Pure, shared by every ledger.</summary>
public static class GapTransitions
{
    public static IReadOnlyList<GapEvent> Between(StoredEvaluation? previous, StoredEvaluation current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = previous?.Gaps ?? new Dictionary<string, GapSeverity>();
        var events = new List<GapEvent>();
        foreach (var (code, severity) in current.Gaps.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!before.ContainsKey(code))
            {
                events.Add(new GapEvent(current.Source, current.ItemId, code, severity, GapEventKind.Opened, current.EvaluatedAt));
            }
        }

        foreach (var (code, severity) in before.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!current.Gaps.ContainsKey(code))
            {
                events.Add(new GapEvent(current.Source, current.ItemId, code, severity, GapEventKind.Closed, current.EvaluatedAt));
            }
        }

        return events;
    }
}
