using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>A pull request as it is now: the Core item (with linked work items and changed files), the latest iteration
/// (statuses attach to it), the bot's thread (found by <see cref="Markers.Comment"/>) and the bot's newest status on
/// that iteration.</summary>
public sealed record PullRequestSnapshot(
    PullRequestRef Ref,
    WorkItem Item,
    int? IterationId,
    ExistingComment? Thread,
    StatusDto? Status);
