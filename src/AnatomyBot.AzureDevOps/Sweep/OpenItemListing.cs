using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>What a listing found: open epics, features and stories (ids, ascending) and active pull requests;
/// <see cref="Truncated"/> when a bound (<c>MaxSweepWorkItems</c>, <c>MaxSweepPullRequests</c>) cut it short.</summary>
public sealed record OpenItemListing(IReadOnlyList<int> WorkItemIds, IReadOnlyList<PullRequestRef> PullRequests, bool Truncated);
