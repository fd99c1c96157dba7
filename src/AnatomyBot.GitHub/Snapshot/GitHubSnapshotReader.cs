using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Interim;
using Octokit;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>Re-reads current state through the API (never the payload's copy): the pull request, its changed files
/// (paged), the issues it links to and their ancestors (sub-issue parent, or <c>Parent: #N</c> in the body), and Azure
/// Boards items through an <see cref="IWorkItemReader"/> when one is registered. A linked issue that is gone (404/410) is
/// left out; the engine then reports the reference as missing.</summary>
public sealed class GitHubSnapshotReader(IEnumerable<IWorkItemReader> workItemReaders)
{
    /// <summary>GitHub nests sub-issues at most 8 levels deep.</summary>
    private const int MaxAncestors = 8;

    public async Task<PullRequestSnapshot?> ReadPullRequestAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(id);
        var pr = await NullIfGone(client.PullRequest.Get(id.Repository.Owner, id.Repository.Name, id.Number)).ConfigureAwait(false);
        if (pr is null)
        {
            return null;
        }

        var files = await client.PullRequest.Files(id.Repository.Owner, id.Repository.Name, id.Number, ApiOptions.None).ConfigureAwait(false);
        var item = OctokitWorkItemMapper.FromPullRequest(id, pr, [.. files.Select(f => f.FileName)]);
        var linked = await ReadLinkedAsync(client, item, cancellationToken).ConfigureAwait(false);
        return new PullRequestSnapshot(id, item, pr.Head.Sha, linked);
    }

    /// <summary>The issue and its ancestors, the issue first; empty when the issue is gone or is a pull request.</summary>
    public static async Task<IReadOnlyList<WorkItem>> ReadIssueWithAncestorsAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var items = new List<WorkItem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IssueId? next = id;
        while (next is not null && items.Count <= MaxAncestors && seen.Add(next.ToString()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var issue = await NullIfGone(client.Issue.Get(next.Repository.Owner, next.Repository.Name, next.Number)).ConfigureAwait(false);
            if (issue is null || issue.PullRequest is not null)
            {
                break;
            }

            var item = OctokitWorkItemMapper.FromIssue(next, issue, parentId: null);
            var parent = await ReadParentAsync(client, next, item).ConfigureAwait(false);
            items.Add(item with { ParentId = parent?.ToString() });
            next = parent;
        }

        return items;
    }

    private async Task<IReadOnlyList<WorkItem>> ReadLinkedAsync(IGitHubClient client, WorkItem item, CancellationToken cancellationToken)
    {
        var refs = ReferenceExtractor.LinkedWorkItems(item);
        var boardIds = refs.Where(r => !r.Contains('#', StringComparison.Ordinal)).ToList();
        var linked = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in refs)
        {
            if (IssueId.TryParse(reference) is { } issueId && !linked.ContainsKey(issueId.ToString()))
            {
                foreach (var found in await ReadIssueWithAncestorsAsync(client, issueId, cancellationToken).ConfigureAwait(false))
                {
                    linked.TryAdd(found.Id, found);
                }
            }
        }

        if (boardIds.Count > 0 && workItemReaders.FirstOrDefault(r => r.Source == ItemSource.AzureDevOps) is { } boards)
        {
            foreach (var found in await boards.ReadWithAncestorsAsync(boardIds, cancellationToken).ConfigureAwait(false))
            {
                linked.TryAdd(found.Id, found);
            }
        }

        return [.. linked.Values];
    }

    /// <summary><c>Parent: #N</c> (or <c>owner/repo#N</c>) in the body wins (Core's reference extraction); otherwise the
    /// sub-issue parent from <c>GET /repos/{owner}/{repo}/issues/{n}/parent</c> (404 when there is none, or on servers
    /// without sub-issues).</summary>
    private static async Task<IssueId?> ReadParentAsync(IGitHubClient client, IssueId id, WorkItem item)
    {
        if (IssueId.TryParse(ReferenceExtractor.ParentOf(item)) is { } written)
        {
            return written;
        }

        var uri = new Uri($"repos/{id.Repository.Owner}/{id.Repository.Name}/issues/{id.Number}/parent", UriKind.Relative);
        var parent = await NullIfGone(new ApiConnection(client.Connection).Get<Issue>(uri)).ConfigureAwait(false);
        return parent is null ? null : IssueId.FromHtmlUrl(parent.HtmlUrl);
    }

    private static async Task<T?> NullIfGone<T>(Task<T> read)
        where T : class
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (ApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Gone or System.Net.HttpStatusCode.MovedPermanently)
        {
            return null;
        }
    }

}
