namespace AnatomyBot.Core.Digest;

/// <summary>Strategy vs execution: outcomes no work flows to, and work that flows to no outcome.</summary>
public sealed record StrategyDigest(
    IReadOnlyList<OutcomeRef> OutcomesWithoutWork,
    int WorkWithoutOutcome,
    IReadOnlyList<CountBy> WorkWithoutOutcomeByKind,
    IReadOnlyList<CountBy> WorkWithoutOutcomeByScope)
{
    public static StrategyDigest Empty { get; } = new([], 0, [], []);

    public bool IsEmpty => OutcomesWithoutWork.Count == 0 && WorkWithoutOutcome == 0;
}
