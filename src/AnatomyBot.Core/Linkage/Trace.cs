namespace AnatomyBot.Core.Linkage;

/// <summary>The effective links of an item, P1 → P4, each list sorted and without duplicates.</summary>
public sealed record Trace(
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Logic,
    IReadOnlyList<string> Components)
{
    public static Trace Empty { get; } = new([], [], [], []);
}
