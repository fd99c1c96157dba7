namespace AnatomyBot.AzureDevOps.Events;

/// <summary><c>workitem.updated</c>: the tags one update added and removed, its revision, who made it and the item's web
/// address.</summary>
public sealed record TagChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, int Revision, string? Actor, string? Url);
