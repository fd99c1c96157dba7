using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>A pull request as it is now: the item, its head commit, and every linked item (with ancestors) it reaches.
/// <see cref="BudgetSpent"/> when the delivery's API call budget ran out before they were all read: the linked items
/// are then incomplete and no verdict is given.</summary>
public sealed record PullRequestSnapshot(IssueId Id, WorkItem Item, string HeadSha, IReadOnlyList<WorkItem> Linked, bool BudgetSpent = false);
