using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Sweep;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Backlog;

/// <summary>Reads a project's open backlog with the nightly sweep's listing (<see cref="OpenItemLister"/>: WIQL paged by
/// id, active pull requests paged by <c>$skip</c>), the work items in <c>workitemsbatch</c> calls with their ancestors
/// (so inherited outcomes and stages resolve as the bot resolves them), and each pull request's details, linked work
/// items and changed paths of its latest iteration.</summary>
public sealed class AzureDevOpsOpenBacklog(OpenItemLister lister, AzureDevOpsSnapshotReader snapshots, AzureDevOpsClient client)
{
    /// <summary>Reads the open items; <paramref name="progress"/> is told how many are read so far and how many there are.</summary>
    public async Task<AzureDevOpsBacklogRead> ReadAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var listing = await lister.ListAsync(cancellationToken).ConfigureAwait(false);
        var total = listing.WorkItemIds.Count + listing.PullRequests.Count;
        var items = new List<WorkItem>();
        var unreadable = new List<(string, string)>();
        var found = await snapshots.ReadWithAncestorsAsync(listing.WorkItemIds, cancellationToken).ConfigureAwait(false);
        foreach (var dto in found.Values.OrderBy(d => d.Id))
        {
            var mapped = AzureDevOpsSnapshotReader.Map(dto);
            if (mapped.Item is { } item)
            {
                items.Add(item);
            }
            else
            {
                unreadable.Add((AzureDevOpsClient.Text(dto.Id), mapped.Error ?? "unreadable"));
            }
        }

        progress?.Invoke(listing.WorkItemIds.Count, total);
        foreach (var pr in listing.PullRequests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ReadPullRequestAsync(pr, cancellationToken).ConfigureAwait(false) is { } item)
            {
                items.Add(item);
            }

            progress?.Invoke(listing.WorkItemIds.Count + items.Count(i => i.Kind == Core.Policy.ItemKind.PullRequest), total);
        }

        return new AzureDevOpsBacklogRead(items, unreadable, listing.Truncated);
    }

    /// <summary>The pull request as the engine sees it (no threads or statuses: nothing is written), or null when it is gone.</summary>
    private async Task<WorkItem?> ReadPullRequestAsync(PullRequestRef pr, CancellationToken cancellationToken)
    {
        var details = await client.GetPullRequestAsync(pr, cancellationToken).ConfigureAwait(false);
        if (details is null)
        {
            return null;
        }

        var where = new PullRequestRef(details.Repository?.Project?.Name ?? pr.Project, details.Repository?.Name ?? pr.RepositoryId, details.PullRequestId);
        var linked = await client.GetPullRequestWorkItemIdsAsync(pr, cancellationToken).ConfigureAwait(false);
        var iteration = await client.GetLatestIterationIdAsync(pr, cancellationToken).ConfigureAwait(false);
        var changed = iteration is { } it ? await client.GetChangedPathsAsync(pr, it, cancellationToken).ConfigureAwait(false) : [];
        return PullRequestMapper.MapPullRequest(details, where, linked, changed);
    }
}
