using System.Globalization;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Mapping;
using AnatomyBot.GitHub.Snapshot;
using Octokit;

namespace AnatomyBot.GitHub.Backlog;

/// <summary>Reads a repository's open backlog as the bot sees it: every open issue and pull request (<c>GET
/// /repos/{owner}/{repo}/issues?state=open</c>, 100 per page, page after page until a short one), each mapped as a webhook's
/// subject is (<see cref="GitHubIssueMapper"/>), and for each pull request its changed files (<c>GET
/// /repos/{owner}/{repo}/pulls/{n}/files</c>, every page). With one pull request named, that one is read (whatever its
/// state) instead of every open one. Bounded by <see cref="MaxPages"/>.</summary>
public sealed class GitHubOpenBacklog(RawJson raw)
{
    public const int PageSize = 100;

    /// <summary>At most this many pages of open items (20,000 issues and pull requests) are read.</summary>
    public const int MaxPages = 200;

    /// <summary>Reads the open items (of pull requests, only <paramref name="onlyPullRequest"/> when given);
    /// <paramref name="progress"/> is told the number read so far after each page.</summary>
    public async Task<GitHubBacklogRead> ReadAsync(IGitHubClient client, RepositoryId repository, int? onlyPullRequest, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        var items = new List<WorkItem>();
        var unreadable = new List<(string, string)>();
        var path = $"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/issues";
        var truncated = true;
        for (var page = 1; page <= MaxPages && truncated; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var listing = await raw.GetAsync(client, string.Create(CultureInfo.InvariantCulture, $"{path}?state=open&per_page={PageSize}&page={page}"), cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var entry in listing.RootElement.EnumerateArray())
            {
                count++;
                await AddAsync(client, repository, entry, onlyPullRequest, items, unreadable).ConfigureAwait(false);
            }

            progress?.Invoke(items.Count);
            truncated = count == PageSize;
        }

        if (onlyPullRequest is { } number && !items.Any(i => i.Kind == ItemKind.PullRequest))
        {
            using var pr = await raw.GetAsync(client, string.Create(CultureInfo.InvariantCulture, $"{path}/{number}"), cancellationToken).ConfigureAwait(false);
            await AddAsync(client, repository, pr.RootElement, onlyPullRequest, items, unreadable).ConfigureAwait(false);
        }

        return new GitHubBacklogRead(items, unreadable, truncated);
    }

    private static async Task AddAsync(IGitHubClient client, RepositoryId repository, JsonElement entry, int? onlyPullRequest, List<WorkItem> items, List<(string, string)> unreadable)
    {
        var mapped = GitHubIssueMapper.Map(entry);
        if (mapped.Item is not { } item)
        {
            unreadable.Add((mapped.Id ?? $"{repository}#?", mapped.Error ?? "unreadable"));
            return;
        }

        if (item.Kind != ItemKind.PullRequest)
        {
            items.Add(item);
            return;
        }

        if (int.TryParse(ItemJson.TrailingNumber(item.Url), out var number) && (onlyPullRequest is null || onlyPullRequest == number))
        {
            items.Add(item with { ChangedPaths = await ChangedPathsAsync(client, repository, number).ConfigureAwait(false) });
        }
    }

    private static async Task<IReadOnlyList<string>> ChangedPathsAsync(IGitHubClient client, RepositoryId repository, int number)
    {
        var files = await client.PullRequest.Files(repository.Owner, repository.Name, number, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        return [.. files.Select(f => f.FileName)];
    }
}
