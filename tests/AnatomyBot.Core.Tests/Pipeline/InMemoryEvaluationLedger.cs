using System.Runtime.CompilerServices;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Tests.Pipeline;

internal sealed class InMemoryEvaluationLedger : IEvaluationLedger
{
    private readonly Dictionary<(ItemSource, string), StoredEvaluation> _latest = [];

    public List<GapEvent> Events { get; } = [];

    public Task<IReadOnlyList<GapEvent>> RecordAsync(IReadOnlyList<StoredEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var events = new List<GapEvent>();
        foreach (var evaluation in evaluations)
        {
            events.AddRange(GapTransitions.Between(_latest.GetValueOrDefault((evaluation.Source, evaluation.ItemId)), evaluation));
            _latest[(evaluation.Source, evaluation.ItemId)] = evaluation;
        }

        Events.AddRange(events);
        return Task.FromResult<IReadOnlyList<GapEvent>>(events);
    }

    public Task<StoredEvaluation?> GetLatestAsync(ItemSource source, string itemId, CancellationToken cancellationToken) =>
        Task.FromResult(_latest.GetValueOrDefault((source, itemId)));

    public async IAsyncEnumerable<StoredEvaluation> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var evaluation in _latest.Values)
        {
            yield return evaluation;
        }
    }

    public async IAsyncEnumerable<GapEvent> ListGapEventsAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var e in Events.Where(e => e.At >= since && e.At < until))
        {
            yield return e;
        }
    }
}
