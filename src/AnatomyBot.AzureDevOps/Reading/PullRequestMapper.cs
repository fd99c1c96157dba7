using System.Globalization;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>An Azure DevOps pull request (details with its active labels, linked work items, changed files) → Core
/// <see cref="WorkItem"/>; a label such as <c>anatomy:exempt</c> exempts the PR like a tag exempts a work item.
/// A <c>completed</c> pull request is merged at its <c>closedDate</c>; an <c>abandoned</c> one is closed unmerged.
/// Work items themselves are mapped by <see cref="Mapping.AzureDevOpsWorkItemMapper"/>.</summary>
internal static class PullRequestMapper
{
    public static WorkItem MapPullRequest(PullRequestDto pr, PullRequestRef where, IReadOnlyList<int> linkedWorkItems, IReadOnlyList<string> changedPaths) => new()
    {
        Id = PullRequestIds.Format(where),
        Source = ItemSource.AzureDevOps,
        Kind = ItemKind.PullRequest,
        Title = pr.Title ?? "",
        Body = pr.Description ?? "",
        BodyFormat = BodyFormat.Markdown,
        Labels = [.. (pr.Labels ?? []).Where(l => l.Active != false && !string.IsNullOrWhiteSpace(l.Name)).Select(l => l.Name!.Trim())],
        LinkedItemIds = [.. linkedWorkItems.Select(i => i.ToString(CultureInfo.InvariantCulture))],
        ChangedPaths = changedPaths,
        Author = pr.CreatedBy?.UniqueName ?? pr.CreatedBy?.DisplayName,
        Scope = $"{where.Project}/{where.RepositoryId}",
        Url = pr.Repository?.WebUrl is { } web ? $"{web}/pullrequest/{pr.PullRequestId}" : pr.Url,
        State = pr.Status,
        IsOpen = string.Equals(pr.Status, "active", StringComparison.OrdinalIgnoreCase),
        MergedAt = string.Equals(pr.Status, "completed", StringComparison.OrdinalIgnoreCase) ? pr.ClosedDate?.ToUniversalTime() : null,
    };
}
