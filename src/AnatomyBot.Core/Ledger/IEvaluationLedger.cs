namespace AnatomyBot.Core.Ledger;

/// <summary>The latest evaluation of every item and every gap opened or closed, with its time.</summary>
public interface IEvaluationLedger
{
    /// <summary>Stores the evaluations as the latest for their items and appends a gap event for every gap that opened or
    /// closed since the previous evaluation of the same item (see <see cref="GapTransitions"/>). Returns those events.</summary>
    Task<IReadOnlyList<GapEvent>> RecordAsync(IReadOnlyList<StoredEvaluation> evaluations, CancellationToken cancellationToken);

    Task<StoredEvaluation?> GetLatestAsync(Linkage.ItemSource source, string itemId, CancellationToken cancellationToken);

    /// <summary>Every item's latest evaluation, streamed (the digest reads 100,000 of them).</summary>
    IAsyncEnumerable<StoredEvaluation> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>Gap events with <c>since &lt;= At &lt; until</c>, ordered by time, streamed (the digest reads a million of them).</summary>
    IAsyncEnumerable<GapEvent> ListGapEventsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
