using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Backlog;

/// <summary>A project's open epics, features and stories (with their ancestors) and active pull requests as work items;
/// the entries that could not be read (id and why); and whether the listing stopped at its bound
/// (<c>AzureDevOps:MaxSweepWorkItems</c>, <c>MaxSweepPullRequests</c>).</summary>
public sealed record AzureDevOpsBacklogRead(IReadOnlyList<WorkItem> Items, IReadOnlyList<(string Id, string Reason)> Unreadable, bool Truncated);
