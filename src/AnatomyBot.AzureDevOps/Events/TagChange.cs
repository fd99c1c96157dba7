namespace AnatomyBot.AzureDevOps.Events;

/// <summary><c>workitem.updated</c>: the tags one update added and removed, its revision, who made it, the item's web
/// address and the project it is in (<c>System.TeamProject</c>, when the notification names it).</summary>
public sealed record TagChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, int Revision, string? Actor, string? Url, string? Project);
