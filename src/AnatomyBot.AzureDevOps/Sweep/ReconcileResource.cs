using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>What a reconcile delivery re-checks: <c>{"workItemIds":[…],"pullRequests":[…],"anatomyVersion":…}</c>
/// (the version left out when there is none).</summary>
internal sealed record ReconcileResource(IReadOnlyList<int> WorkItemIds, IReadOnlyList<PullRequestRef> PullRequests, string? AnatomyVersion);
