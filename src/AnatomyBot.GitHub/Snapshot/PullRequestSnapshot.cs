using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>A pull request as it is now: the item, its head commit, and every linked item (with ancestors) it reaches.</summary>
public sealed record PullRequestSnapshot(IssueId Id, WorkItem Item, string HeadSha, IReadOnlyList<WorkItem> Linked);
