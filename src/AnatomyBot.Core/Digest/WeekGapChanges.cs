namespace AnatomyBot.Core.Digest;

/// <summary>The gaps opened and closed in the reported week: how many of each (as the trend counts them) and the most
/// severe few by name (most severe first, then the earliest).</summary>
public sealed record WeekGapChanges(IReadOnlyList<WeekGap> Opened, int OpenedTotal, IReadOnlyList<WeekGap> Closed, int ClosedTotal)
{
    public static WeekGapChanges None { get; } = new([], 0, [], 0);

    public bool IsEmpty => OpenedTotal == 0 && ClosedTotal == 0;
}
