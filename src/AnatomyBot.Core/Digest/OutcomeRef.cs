namespace AnatomyBot.Core.Digest;

public sealed record OutcomeRef(string Id, string Name, string? Metric, string? Target);
