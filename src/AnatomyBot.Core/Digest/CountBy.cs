namespace AnatomyBot.Core.Digest;

/// <summary>A count under a key (an item kind, a repository or area path).</summary>
public sealed record CountBy(string Key, int Count);
