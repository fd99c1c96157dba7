namespace AnatomyBot.Core.Linkage;

/// <summary>An anatomy element that would fill a gap, ranked by text relevance to the item's title and body.</summary>
public sealed record Suggestion(string Id, double Score);
