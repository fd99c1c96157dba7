namespace AnatomyBot.Core.Digest;

/// <summary>One headline share (linked / total) with last week's share when there is one to compare with.</summary>
public sealed record HeadlineFigure(string Label, int Linked, int Total, int? PreviousLinked = null, int? PreviousTotal = null)
{
    public double? Share => Total == 0 ? null : (double)Linked / Total;

    public double? PreviousShare => PreviousTotal is > 0 && PreviousLinked is { } linked ? (double)linked / PreviousTotal.Value : null;

    /// <summary>Change in percentage points since last week, or null when either week has nothing to measure.</summary>
    public double? ChangePoints => Share is { } now && PreviousShare is { } before ? Math.Round(now * 100, 1) - Math.Round(before * 100, 1) : null;
}
