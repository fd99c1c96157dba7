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
}
