namespace AnatomyBot.Core.Digest;

/// <summary>One week of the trend: gaps opened, gaps closed by a fix (<see cref="Closed"/>) and gaps closed because their
/// item was closed, merged or deleted (<see cref="ClosedWithItem"/>).</summary>
public sealed record TrendPoint(IsoWeek Week, int Opened, int Closed, int ClosedWithItem = 0);
