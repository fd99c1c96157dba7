using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Ledger;

/// <summary>Which gaps opened and which closed between two evaluations of the same item. Pure, shared by every ledger.
/// A closed item keeps the gaps it had when it closed (its verdict at merge or closure) but none of them is open any
/// more: closing the item closes them with <see cref="GapEventKind.ItemClosed"/>, reopening it opens its gaps again.</summary>
public static class GapTransitions
{
    public static IReadOnlyList<GapEvent> Between(StoredEvaluation? previous, StoredEvaluation current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = previous is { IsOpen: true } ? previous.Gaps : new Dictionary<string, GapSeverity>();
        var now = current.IsOpen ? current.Gaps : new Dictionary<string, GapSeverity>();
        var events = new List<GapEvent>();
        foreach (var (code, severity) in now.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!before.ContainsKey(code))
            {
                events.Add(new GapEvent(current.Source, current.ItemId, code, severity, GapEventKind.Opened, current.EvaluatedAt));
            }
        }

        var closedBy = current.IsOpen ? GapEventKind.Closed : GapEventKind.ItemClosed;
        foreach (var (code, severity) in before.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!now.ContainsKey(code))
            {
                events.Add(new GapEvent(current.Source, current.ItemId, code, severity, closedBy, current.EvaluatedAt));
            }
        }

        return events;
    }
}
