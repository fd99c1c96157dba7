using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Everything read for one delivery before anything is written: work items (subjects, their ancestors and
/// linked items) by id, the pull requests, and which of them are to be reconciled.</summary>
internal sealed class Snapshot
{
    public Dictionary<int, WorkItemDto> WorkItems { get; } = [];

    public List<PullRequestSnapshot> PullRequests { get; } = [];

    /// <summary>Work items whose tags are reconciled (the subject and its descendants, never mere context).</summary>
    public List<int> WorkItemTargets { get; } = [];

    /// <summary>The delivery's API call budget ran out while reading what the pull requests reference (their linked
    /// work items, or the pull requests a work item links to): none of the pull requests is evaluated.</summary>
    public bool BudgetSpent { get; set; }
}
