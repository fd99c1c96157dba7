namespace AnatomyBot.Core.Digest;

public sealed record TrendPoint(IsoWeek Week, int Opened, int Closed);
