using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Backlog;

/// <summary>A repository's open issues and pull requests as work items; the entries that could not be read (what id could
/// be told, and why); and whether the listing stopped at its bound (<see cref="GitHubOpenBacklog.MaxPages"/>).</summary>
public sealed record GitHubBacklogRead(IReadOnlyList<WorkItem> Items, IReadOnlyList<(string Id, string Reason)> Unreadable, bool Truncated);
