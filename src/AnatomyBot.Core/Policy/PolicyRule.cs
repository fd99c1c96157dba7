namespace AnatomyBot.Core.Policy;

/// <summary>For one item kind: which links are required, and how severe a missing one is.</summary>
public sealed record PolicyRule(IReadOnlyList<LinkRequirement> Require, GapSeverity Severity);
