using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Reads the current state a subject needs. A changed work item brings its descendants (they inherit its outcome
/// and stage) and the open pull requests linked to it or to them (so fixing a story's link clears its PR's status without
/// a push); a pull request brings its linked work items with their ancestors; the bot's own re-evaluation brings exactly
/// the listed items (and, for context, their ancestors and the PRs' linked items). What user text and links drive — the
/// pull requests a work item links to, the work items pull requests link to and their ancestors — is read within the
/// delivery's API call budget (<see cref="ApiCallTally.Enforce"/>); when it is spent the snapshot says so
/// (<see cref="Snapshot.BudgetSpent"/>) and what was read stays.</summary>
internal sealed class SnapshotCollector(AzureDevOpsSnapshotReader reader)
{
    /// <summary>Pull requests re-evaluated for one work-item change at most.</summary>
    public const int MaxPullRequests = 50;

    /// <summary>The snapshot, or null when the subject no longer exists (deleted between the event and the read).</summary>
    public async Task<Snapshot?> CollectAsync(NotificationSubject subject, CancellationToken cancellationToken)
    {
        var snapshot = new Snapshot();
        switch (subject)
        {
            case WorkItemSubject { WorkItemId: var id }:
                foreach (var (key, item) in await reader.ReadWithAncestorsAsync([id], cancellationToken).ConfigureAwait(false))
                {
                    snapshot.WorkItems[key] = item;
                }

                if (!snapshot.WorkItems.TryGetValue(id, out var root))
                {
                    return null;
                }

                snapshot.WorkItemTargets.Add(id);
                snapshot.WorkItemTargets.AddRange(await reader.ReadDescendantsAsync(root, snapshot.WorkItems, cancellationToken).ConfigureAwait(false));
                var linked = snapshot.WorkItemTargets.SelectMany(t => WorkItemRelations.PullRequests(snapshot.WorkItems[t])).Distinct().Take(MaxPullRequests);
                await WithinBudgetAsync(snapshot, () => AddOpenPullRequestsAsync(snapshot, linked, cancellationToken)).ConfigureAwait(false);
                break;
            case ReconcileSubject reconcile:
                foreach (var (key, item) in await reader.ReadWithAncestorsAsync(reconcile.WorkItemIds, cancellationToken).ConfigureAwait(false))
                {
                    snapshot.WorkItems[key] = item;
                }

                snapshot.WorkItemTargets.AddRange(reconcile.WorkItemIds.Where(snapshot.WorkItems.ContainsKey));
                await AddOpenPullRequestsAsync(snapshot, reconcile.PullRequests, cancellationToken).ConfigureAwait(false);
                if (snapshot.WorkItemTargets.Count + snapshot.PullRequests.Count == 0)
                {
                    return null;
                }

                break;
            case PullRequestSubject { PullRequest: var pr }:
                if (await reader.ReadPullRequestAsync(pr, cancellationToken).ConfigureAwait(false) is not { } read)
                {
                    return null;
                }

                snapshot.PullRequests.Add(read);
                break;
            default:
                return null;
        }

        await WithinBudgetAsync(snapshot, () => ReadLinkedWorkItemsAsync(snapshot, cancellationToken)).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>Runs <paramref name="read"/> under the delivery's budget; a spent budget marks the snapshot (and stops
    /// every later budgeted read at once) instead of failing the delivery.</summary>
    private static async Task WithinBudgetAsync(Snapshot snapshot, Func<Task> read)
    {
        if (snapshot.BudgetSpent)
        {
            return;
        }

        using (ApiCallTally.Current?.Enforce())
        {
            try
            {
                await read().ConfigureAwait(false);
            }
            catch (ApiBudgetSpentException)
            {
                snapshot.BudgetSpent = true;
            }
        }
    }

    private async Task AddOpenPullRequestsAsync(Snapshot snapshot, IEnumerable<PullRequestRef> pullRequests, CancellationToken cancellationToken)
    {
        foreach (var pr in pullRequests)
        {
            if (await reader.ReadPullRequestAsync(pr, cancellationToken).ConfigureAwait(false) is { Item.IsOpen: true } open
                && !snapshot.PullRequests.Any(p => p.Item.Id == open.Item.Id))
            {
                snapshot.PullRequests.Add(open);
            }
        }
    }

    private async Task ReadLinkedWorkItemsAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        var missing = snapshot.PullRequests
            .SelectMany(p => ReferenceExtractor.LinkedWorkItems(p.Item))
            .Select(id => int.TryParse(id, out var number) ? number : 0)
            .Where(id => id > 0 && !snapshot.WorkItems.ContainsKey(id))
            .Distinct()
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (key, item) in await reader.ReadWithAncestorsAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            snapshot.WorkItems.TryAdd(key, item);
        }
    }
}
