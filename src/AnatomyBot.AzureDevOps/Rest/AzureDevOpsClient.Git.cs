using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.AzureDevOps.Rest.Requests;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Pull requests, iterations, changed files, threads and statuses. <c>project</c> is the repository's project
/// (from the notification or an artifact link), which need not be the boards project.</summary>
public sealed partial class AzureDevOpsClient
{
    private const int ChangesPageSize = 1000;
    private const int MaxChangePages = 20;

    public Task<PullRequestDto?> GetPullRequestAsync(PullRequestRef pr, CancellationToken cancellationToken) =>
        SendAsync<PullRequestDto>(AzureDevOpsOperations.GetPullRequest, PrRoute(pr), null, null, cancellationToken);

    public async Task<IReadOnlyList<int>> GetPullRequestWorkItemIdsAsync(PullRequestRef pr, CancellationToken cancellationToken)
    {
        var refs = await SendAsync<ListResponse<ResourceRefDto>>(AzureDevOpsOperations.PullRequestWorkItems, PrRoute(pr), null, null, cancellationToken).ConfigureAwait(false);
        return [.. (refs?.Value ?? []).Select(r => int.TryParse(r.Id, out var id) ? id : 0).Where(id => id > 0)];
    }

    /// <summary>The id of the latest iteration (statuses attach to it), or null when the PR has none (or is gone).</summary>
    public async Task<int?> GetLatestIterationIdAsync(PullRequestRef pr, CancellationToken cancellationToken)
    {
        var iterations = await SendAsync<ListResponse<IterationDto>>(AzureDevOpsOperations.ListIterations, PrRoute(pr), null, null, cancellationToken).ConfigureAwait(false);
        var ids = (iterations?.Value ?? []).Select(i => i.Id).ToList();
        return ids.Count == 0 ? null : ids.Max();
    }

    /// <summary>Paths changed by the PR as of <paramref name="iterationId"/> (compared with the merge base), repository-relative
    /// without the leading slash; folders left out; paged until Azure DevOps stops returning <c>nextSkip</c>.</summary>
    public async Task<IReadOnlyList<string>> GetChangedPathsAsync(PullRequestRef pr, int iterationId, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        var skip = 0;
        for (var page = 0; page < MaxChangePages; page++)
        {
            var route = PrRoute(pr, ("iterationId", Text(iterationId)));
            var changes = await SendAsync<IterationChangesDto>(
                AzureDevOpsOperations.IterationChanges, route, [new("$top", Text(ChangesPageSize)), new("$skip", Text(skip))], null, cancellationToken).ConfigureAwait(false);
            foreach (var entry in changes?.ChangeEntries ?? [])
            {
                if (entry.Item is { IsFolder: false, Path: { Length: > 0 } path })
                {
                    paths.Add(path.TrimStart('/'));
                }
            }

            if (changes?.NextSkip is not > 0)
            {
                break;
            }

            skip = changes.NextSkip.Value;
        }

        return [.. paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ThreadDto>> GetThreadsAsync(PullRequestRef pr, CancellationToken cancellationToken) =>
        (await SendAsync<ListResponse<ThreadDto>>(AzureDevOpsOperations.ListThreads, PrRoute(pr), null, null, cancellationToken).ConfigureAwait(false))?.Value ?? [];

    public Task<ThreadDto?> GetThreadAsync(PullRequestRef pr, int threadId, CancellationToken cancellationToken) =>
        SendAsync<ThreadDto>(AzureDevOpsOperations.GetThread, PrRoute(pr, ("threadId", Text(threadId))), null, null, cancellationToken);

    /// <summary>Creates a thread with one Markdown comment (<c>commentType</c> <c>text</c>, as the specification names it)
    /// and the given status.</summary>
    public async Task<ThreadDto> CreateThreadAsync(PullRequestRef pr, string content, string status, CancellationToken cancellationToken)
    {
        var body = new CreateThreadRequest([new ThreadCommentRequest(0, content, "text")], status);
        return await SendAsync<ThreadDto>(AzureDevOpsOperations.CreateThread, PrRoute(pr), null, Body(body), cancellationToken).ConfigureAwait(false)
            ?? throw new AzureDevOpsApiException(AzureDevOpsOperations.CreateThread, System.Net.HttpStatusCode.NotFound, "pull request not found");
    }

    /// <summary>Adds a Markdown comment to a thread, in answer to <paramref name="parentCommentId"/>.</summary>
    public async Task<CommentDto> CreateThreadCommentAsync(PullRequestRef pr, int threadId, int parentCommentId, string content, CancellationToken cancellationToken)
    {
        var body = new ThreadCommentRequest(parentCommentId, content, "text");
        return await SendAsync<CommentDto>(
                AzureDevOpsOperations.CreateThreadComment, PrRoute(pr, ("threadId", Text(threadId))), null, Body(body), cancellationToken).ConfigureAwait(false)
            ?? throw new AzureDevOpsApiException(AzureDevOpsOperations.CreateThreadComment, System.Net.HttpStatusCode.NotFound, "thread not found");
    }

    public Task<ThreadDto?> UpdateThreadStatusAsync(PullRequestRef pr, int threadId, string status, CancellationToken cancellationToken) =>
        SendAsync<ThreadDto>(AzureDevOpsOperations.UpdateThread, PrRoute(pr, ("threadId", Text(threadId))), null, Body(new StatusRequest(status)), cancellationToken);

    public Task<CommentDto?> UpdateCommentAsync(PullRequestRef pr, int threadId, int commentId, string content, CancellationToken cancellationToken) =>
        SendAsync<CommentDto>(
            AzureDevOpsOperations.UpdateComment, PrRoute(pr, ("threadId", Text(threadId)), ("commentId", Text(commentId))), null, Body(new ContentRequest(content)), cancellationToken);

    /// <summary>Deletes a comment (the thread stays, shown as deleted); false when it was already gone.</summary>
    public async Task<bool> DeleteCommentAsync(PullRequestRef pr, int threadId, int commentId, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(
            AzureDevOpsOperations.DeleteComment, PrRoute(pr, ("threadId", Text(threadId)), ("commentId", Text(commentId))), null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }

        return await EnsureSuccessAsync(AzureDevOpsOperations.DeleteComment, response, true).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StatusDto>> GetIterationStatusesAsync(PullRequestRef pr, int iterationId, CancellationToken cancellationToken) =>
        (await SendAsync<ListResponse<StatusDto>>(AzureDevOpsOperations.ListIterationStatuses, PrRoute(pr, ("iterationId", Text(iterationId))), null, null, cancellationToken).ConfigureAwait(false))?.Value ?? [];

    /// <summary>Posts a status on an iteration; the newest status of a genre/name is the one branch policies read.</summary>
    public Task<StatusDto?> CreateIterationStatusAsync(PullRequestRef pr, int iterationId, string state, string description, StatusContextDto context, CancellationToken cancellationToken)
    {
        var body = new IterationStatusRequest(state, description, context);
        return SendAsync<StatusDto>(
            AzureDevOpsOperations.CreateIterationStatus, PrRoute(pr, ("iterationId", Text(iterationId))), null, Body(body), cancellationToken);
    }

    /// <summary>A file's text and object id (the cache key), or null when the file or repository does not exist.</summary>
    public Task<GitItemDto?> GetFileAsync(string project, string repository, string path, string? branch, CancellationToken cancellationToken)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["project"] = project, ["repositoryId"] = repository };
        var query = new List<KeyValuePair<string, string>> { new("path", path), new("includeContent", "true") };
        if (!string.IsNullOrWhiteSpace(branch))
        {
            query.Add(new("versionDescriptor.version", branch));
            query.Add(new("versionDescriptor.versionType", "branch"));
        }

        return SendAsync<GitItemDto>(AzureDevOpsOperations.GetItem, route, query, null, cancellationToken);
    }

    private static Dictionary<string, string> PrRoute(PullRequestRef pr, params (string Name, string Value)[] values)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project"] = pr.Project,
            ["repositoryId"] = pr.RepositoryId,
            ["pullRequestId"] = Text(pr.PullRequestId),
        };
        foreach (var (name, value) in values)
        {
            route[name] = value;
        }

        return route;
    }
}
