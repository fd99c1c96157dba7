using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Mapping;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>Re-reads current state through the API (never the payload's copy): the pull request, its changed files
/// (paged), the issues it links to and their ancestors (sub-issue parent, or <c>Parent: #N</c> in the body), and Azure
/// Boards items through an <see cref="IWorkItemReader"/> when one is registered. A linked issue that is gone (404/410) is
/// left out; the engine then reports the reference as missing. Only issues of the pull request's own repository and of
/// the repositories configured in <c>GitHub:Repositories</c> are read: any other is reported on the pull request as not
/// readable by the bot (an installation may see private repositories whose issues must not surface in a public comment).
/// The linked reads are held to the delivery's API call budget (<see cref="ApiCallTally.Enforce"/>).</summary>
public sealed class GitHubSnapshotReader(RawJson raw, IEnumerable<IWorkItemReader> workItemReaders, IOptions<GitHubOptions> options)
{
    /// <summary>GitHub nests sub-issues at most 8 levels deep.</summary>
    private const int MaxAncestors = 8;

    public async Task<PullRequestSnapshot?> ReadPullRequestAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(id);
        using var pr = await NullIfGone(raw.GetAsync(client, $"{id.Repository.ApiPath}/pulls/{id.Number}", cancellationToken)).ConfigureAwait(false);
        if (pr is null || GitHubIssueMapper.Map(pr.RootElement).Item is not { } mapped
            || !pr.RootElement.TryGetProperty("head", out var head) || head.ValueKind != System.Text.Json.JsonValueKind.Object
            || !head.TryGetProperty("sha", out var sha) || sha.GetString() is not { Length: > 0 } headSha)
        {
            return null;
        }

        var files = await client.PullRequest.Files(id.Repository.Owner, id.Repository.Name, id.Number, ApiOptions.None).ConfigureAwait(false);
        var item = mapped with { Id = id.ToString(), Kind = ItemKind.PullRequest, Scope = id.Repository.ToString(), ChangedPaths = [.. files.Select(f => f.FileName)] };
        var unreadable = new List<string>();
        var linked = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
        var budgetSpent = false;
        using (ApiCallTally.Current?.Enforce())
        {
            try
            {
                await ReadLinkedAsync(client, item, id.Repository, linked, unreadable, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiBudgetSpentException)
            {
                budgetSpent = true;
            }
        }

        if (unreadable.Count > 0)
        {
            item = item with { Diagnostics = [.. item.Diagnostics, .. unreadable.Select(NotReadable)] };
        }

        return new PullRequestSnapshot(id, item, headSha, [.. linked.Values], budgetSpent);
    }

    /// <summary>The diagnostic of a reference to a repository the bot does not read.</summary>
    public static string NotReadable(string reference) =>
        $"`{reference}` is not readable by the bot: its repository is neither this one nor configured in GitHub:Repositories";

    /// <summary>The issue and its ancestors, the issue first; empty when the issue is gone or is a pull request.</summary>
    public Task<IReadOnlyList<WorkItem>> ReadIssueWithAncestorsAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken) =>
        ReadIssueWithAncestorsAsync(client, id, id.Repository, cancellationToken);

    /// <summary>The issue and its ancestors within the repositories readable from <paramref name="home"/>.</summary>
    private async Task<IReadOnlyList<WorkItem>> ReadIssueWithAncestorsAsync(IGitHubClient client, IssueId id, RepositoryId home, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var items = new List<WorkItem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IssueId? next = id;
        while (next is not null && items.Count <= MaxAncestors && IsReadable(next.Repository, home) && seen.Add(next.ToString()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var issue = await NullIfGone(raw.GetAsync(client, $"{next.Repository.ApiPath}/issues/{next.Number}", cancellationToken)).ConfigureAwait(false);
            if (issue is null || GitHubIssueMapper.Map(issue.RootElement).Item is not { Kind: not ItemKind.PullRequest } item)
            {
                break;
            }

            var parent = await ReadParentAsync(client, next, item, issue.RootElement.TryGetProperty("parent_issue_url", out _)).ConfigureAwait(false);
            items.Add(item with { ParentId = parent?.ToString() });
            next = parent;
        }

        return items;
    }

    private async Task ReadLinkedAsync(
        IGitHubClient client, WorkItem item, RepositoryId home, Dictionary<string, WorkItem> linked, List<string> unreadable, CancellationToken cancellationToken)
    {
        var refs = ReferenceExtractor.LinkedWorkItems(item);
        var boardIds = refs.Where(r => !r.Contains('#', StringComparison.Ordinal)).ToList();
        foreach (var reference in refs)
        {
            if (IssueId.TryParse(reference) is not { } issueId)
            {
                continue;
            }

            if (!IsReadable(issueId.Repository, home))
            {
                unreadable.Add(reference);
            }
            else if (!linked.ContainsKey(issueId.ToString()))
            {
                foreach (var found in await ReadIssueWithAncestorsAsync(client, issueId, home, cancellationToken).ConfigureAwait(false))
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
    }

    /// <summary>The item's own repository, or one configured in <c>GitHub:Repositories</c>.</summary>
    private bool IsReadable(RepositoryId repository, RepositoryId home) =>
        SameRepository(repository, home) || options.Value.SweepRepositories().Any(r => SameRepository(r, repository));

    private static bool SameRepository(RepositoryId a, RepositoryId b) =>
        string.Equals(a.Owner, b.Owner, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sub-issue parent from the issue's <c>parent_issue_url</c>, else <c>Parent: #N</c> in the body (Core's
    /// reference extraction); only when the server's issue JSON lacks <c>parent_issue_url</c> altogether (older Enterprise
    /// Server) is <c>GET /repos/{owner}/{repo}/issues/{n}/parent</c> asked (404 when there is none).</summary>
    private static async Task<IssueId?> ReadParentAsync(IGitHubClient client, IssueId id, WorkItem item, bool serverHasParentField)
    {
        if (IssueId.TryParse(ReferenceExtractor.ParentOf(item)) is { } known)
        {
            return known;
        }

        if (serverHasParentField)
        {
            return null;
        }

        var uri = new Uri($"{id.Repository.ApiPath}/issues/{id.Number}/parent", UriKind.Relative);
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
