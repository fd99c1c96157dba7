using System.Globalization;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Reads the current state the engine needs from Azure DevOps (never the payload's copy): work items with their
/// parent chain and descendants, and pull requests with linked work items, changed files, the bot's thread and status.</summary>
public sealed class AzureDevOpsSnapshotReader(AzureDevOpsClient client, IOptions<AzureDevOpsOptions> options, AzureDevOpsBotIdentity identity)
{
    /// <summary>Deeper than any real backlog (epic → feature → story → task); stops a malformed cycle.</summary>
    private const int MaxDepth = 10;

    /// <summary>A work item as the engine sees it, or null (with the reason) when its JSON cannot be read.</summary>
    public static WorkItemMapResult Map(WorkItemDto item) =>
        AzureDevOpsWorkItemMapper.Map(JsonSerializer.SerializeToElement(item, AzureDevOpsJsonContext.Default.WorkItemDto));

    /// <summary>The items found and all their ancestors, by id; ids that do not exist are absent.</summary>
    public async Task<Dictionary<int, WorkItemDto>> ReadWithAncestorsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, WorkItemDto>();
        var wanted = ids.Distinct().ToList();
        for (var depth = 0; wanted.Count > 0 && depth <= MaxDepth; depth++)
        {
            foreach (var item in await client.GetWorkItemsAsync(wanted, cancellationToken).ConfigureAwait(false))
            {
                found[item.Id] = item;
            }

            wanted = [.. wanted.Where(found.ContainsKey).Select(id => WorkItemRelations.ParentId(found[id])).OfType<int>().Distinct().Where(p => !found.ContainsKey(p))];
        }

        return found;
    }

    /// <summary>Children, grandchildren… of <paramref name="root"/> (they inherit its outcome and stage), breadth first,
    /// at most <see cref="AzureDevOpsOptions.MaxDependants"/>; added to <paramref name="known"/>.</summary>
    public async Task<IReadOnlyList<int>> ReadDescendantsAsync(WorkItemDto root, Dictionary<int, WorkItemDto> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(known);
        var limit = options.Value.MaxDependants;
        var descendants = new List<int>();
        var level = WorkItemRelations.ChildIds(root).ToList();
        for (var depth = 0; level.Count > 0 && depth < MaxDepth && descendants.Count < limit; depth++)
        {
            level = [.. level.Where(id => id != root.Id && !descendants.Contains(id)).Distinct().Take(limit - descendants.Count)];
            var missing = level.Where(id => !known.ContainsKey(id)).ToList();
            foreach (var item in await client.GetWorkItemsAsync(missing, cancellationToken).ConfigureAwait(false))
            {
                known[item.Id] = item;
            }

            var present = level.Where(known.ContainsKey).ToList();
            descendants.AddRange(present);
            level = [.. present.SelectMany(id => WorkItemRelations.ChildIds(known[id]))];
        }

        return descendants;
    }

    /// <summary>The pull request now, or null when it no longer exists.</summary>
    public async Task<PullRequestSnapshot?> ReadPullRequestAsync(PullRequestRef pr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pr);
        var details = await client.GetPullRequestAsync(pr, cancellationToken).ConfigureAwait(false);
        if (details is null)
        {
            return null;
        }

        var where = new PullRequestRef(
            details.Repository?.Project?.Name ?? pr.Project, details.Repository?.Name ?? pr.RepositoryId, details.PullRequestId);
        var linked = await client.GetPullRequestWorkItemIdsAsync(pr, cancellationToken).ConfigureAwait(false);
        var iteration = await client.GetLatestIterationIdAsync(pr, cancellationToken).ConfigureAwait(false);
        var changed = iteration is { } it ? await client.GetChangedPathsAsync(pr, it, cancellationToken).ConfigureAwait(false) : [];
        var threads = await client.GetThreadsAsync(pr, cancellationToken).ConfigureAwait(false);
        var statuses = iteration is { } at ? await client.GetIterationStatusesAsync(pr, at, cancellationToken).ConfigureAwait(false) : [];
        var item = PullRequestMapper.MapPullRequest(details, where, linked, changed);
        return new PullRequestSnapshot(where, item, iteration, threads, statuses);
    }

    /// <summary>The identity the bot acts as, as far as it is known yet.</summary>
    public AzureDevOpsBotIdentity Identity => identity;

    /// <summary>The bot's sticky comment in a work item's discussion, and whether the lookup is conclusive (<see cref="WorkItemComments"/>).</summary>
    public Task<(ExistingComment? Comment, bool Conclusive)> FindItemCommentAsync(int workItemId, CancellationToken cancellationToken) =>
        WorkItemComments.FindAsync(client, identity, workItemId, cancellationToken);

    /// <summary>The bot's thread: not deleted, its first comment carrying the hidden marker and written by the bot's
    /// identity. Id: <c>threadId/commentId</c>.</summary>
    public static ExistingComment? FindBotThread(IEnumerable<ThreadDto> threads, AzureDevOpsBotIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(threads);
        return BotThreads(threads, identity)
            .Select(t => new ExistingComment(
                string.Create(CultureInfo.InvariantCulture, $"{t.Thread.Id}/{t.First.Id}"), t.First.Content ?? "", ThreadStatus.IsResolved(t.Thread.Status)))
            .FirstOrDefault();
    }

    /// <summary>The bot's threads, oldest first, each with its first comment (which carries the marker and is written by
    /// the bot's identity): one, unless two workers created one at the same moment. A thread anyone else started is
    /// never the bot's, whatever it says.</summary>
    public static IEnumerable<(ThreadDto Thread, CommentDto First)> BotThreads(IEnumerable<ThreadDto> threads, AzureDevOpsBotIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var thread in threads.Where(t => !t.IsDeleted).OrderBy(t => t.Id))
        {
            var first = (thread.Comments ?? []).Where(c => !c.IsDeleted).OrderBy(c => c.Id).FirstOrDefault();
            if (first is not null && Markers.IsBotComment(first.Content) && identity.IsSelf(first.Author?.Id))
            {
                yield return (thread, first);
            }
        }
    }
}
