using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.AzureDevOps.Rest.Requests;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Listings for the nightly sweep and the re-evaluation after an anatomy change: work-item ids by WIQL (paged by
/// id, so no page is skipped or read twice while items change) and active pull requests (paged by <c>$skip</c>).</summary>
public sealed partial class AzureDevOpsClient
{
    /// <summary>The ids a flat WIQL query returns in the first configured project, at most <paramref name="top"/>.</summary>
    public Task<IReadOnlyList<int>> QueryWorkItemIdsAsync(string wiql, int top, CancellationToken cancellationToken) =>
        QueryWorkItemIdsAsync(Project, wiql, top, cancellationToken);

    /// <summary>The ids a flat WIQL query returns in <paramref name="project"/> (its <c>@project</c>), at most
    /// <paramref name="top"/>, in the query's order.</summary>
    public async Task<IReadOnlyList<int>> QueryWorkItemIdsAsync(string project, string wiql, int top, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wiql);
        var result = await SendAsync<WiqlResultDto>(
            AzureDevOpsOperations.QueryByWiql, InProject(project), [new("$top", Text(top))], Body(new WiqlRequest(wiql)), cancellationToken).ConfigureAwait(false);
        return [.. (result?.WorkItems ?? []).Select(w => w.Id).Where(id => id > 0)];
    }

    /// <summary>One page of <paramref name="project"/>'s pull requests in <paramref name="status"/> (<c>active</c>, …).</summary>
    public async Task<IReadOnlyList<PullRequestDto>> ListPullRequestsAsync(string project, string status, int skip, int top, CancellationToken cancellationToken)
    {
        var page = await SendAsync<ListResponse<PullRequestDto>>(
            AzureDevOpsOperations.ListPullRequestsByProject,
            InProject(project),
            [new("searchCriteria.status", status), new("$skip", Text(skip)), new("$top", Text(top))],
            null,
            cancellationToken).ConfigureAwait(false);
        return page?.Value ?? [];
    }

    private static Dictionary<string, string> InProject(string project) => new(StringComparer.Ordinal) { ["project"] = project };

    /// <summary>The object id of a file at a commit, or null when the file (or the commit) does not exist there. No content
    /// is transferred: comparing two object ids tells whether a push changed the file.</summary>
    public async Task<string?> GetFileObjectIdAsync(string project, string repository, string path, string commitId, CancellationToken cancellationToken)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["project"] = project, ["repositoryId"] = repository };
        var query = new List<KeyValuePair<string, string>>
        {
            new("path", path),
            new("versionDescriptor.version", commitId),
            new("versionDescriptor.versionType", "commit"),
        };
        var item = await SendAsync<GitItemDto>(AzureDevOpsOperations.GetItem, route, query, null, cancellationToken).ConfigureAwait(false);
        return item is { IsFolder: false } ? item.ObjectId : null;
    }
}
