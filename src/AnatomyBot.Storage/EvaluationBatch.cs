using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Storage;

/// <summary>What recording a batch of evaluations writes, the same for every backend: the latest evaluation per item
/// (first-seen kept from the earliest) and the gap events between consecutive evaluations. An evaluation older than the
/// one already stored for its item is stale (an out-of-order retry) and ignored.</summary>
internal sealed record EvaluationBatch(IReadOnlyList<StoredEvaluation> Latest, IReadOnlyList<GapEvent> Events)
{
    public static EvaluationBatch Plan(IReadOnlyList<StoredEvaluation> evaluations, Func<StoredEvaluation, StoredEvaluation?> stored)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var latest = new Dictionary<(ItemSource, string), StoredEvaluation>();
        var order = new List<(ItemSource, string)>();
        var events = new List<GapEvent>();
        foreach (var current in evaluations)
        {
            var key = (current.Source, current.ItemId);
            var inBatch = latest.TryGetValue(key, out var earlier);
            var previous = inBatch ? earlier : stored(current);
            if (previous is not null && current.EvaluatedAt < previous.EvaluatedAt)
            {
                continue;
            }

            var next = previous is null || current.FirstSeen <= previous.FirstSeen ? current : current with { FirstSeen = previous.FirstSeen };
            events.AddRange(GapTransitions.Between(previous, next));
            if (!inBatch)
            {
                order.Add(key);
            }

            latest[key] = next;
        }

        return new EvaluationBatch([.. order.Select(k => latest[k])], events);
    }
}
