namespace AnatomyBot.Core.Linkage;

/// <summary>An anatomy element that would fill a gap, ranked by text relevance to the item's title and body. A value:
/// a large backlog holds hundreds of thousands of them.</summary>
public readonly record struct Suggestion(string Id, double Score);
