using System.Globalization;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>Lists what the nightly sweep and an anatomy change re-evaluate: each configured project's open epics, features
/// and stories (open by the process's state categories, not by state names; WIQL, paged by id: <c>[System.Id] &gt; last</c>, so items changing meanwhile neither skip nor repeat a page)
/// and its active pull requests (paged by <c>$skip</c>). Bounded by <see cref="AzureDevOpsOptions.MaxSweepWorkItems"/>
/// and <see cref="AzureDevOpsOptions.MaxSweepPullRequests"/>; every call passes the shared rate-limit gate.</summary>
public sealed partial class OpenItemLister(AzureDevOpsClient client, WorkItemStateCategories states, IOptions<AzureDevOpsOptions> options, ILogger<OpenItemLister> logger)
{
    /// <summary>Ids per WIQL call (the service refuses more than 20,000).</summary>
    public const int WorkItemPageSize = 1000;

    /// <summary>Pull requests per listing call.</summary>
    public const int PullRequestPageSize = 100;

    /// <summary>The open items of every configured project.</summary>
    public Task<OpenItemListing> ListAsync(CancellationToken cancellationToken) => ListAsync(options.Value.ConfiguredProjects, cancellationToken);

    /// <summary>The open items of <paramref name="projects"/>, one project after another; the bounds hold for all of them
    /// together, and a project the bound leaves no room for is not read (the listing is then cut).</summary>
    public async Task<OpenItemListing> ListAsync(IReadOnlyList<string> projects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var ids = new List<int>();
        var prs = new List<PullRequestRef>();
        var cut = false;
        foreach (var project in projects)
        {
            var (projectIds, idsCut) = await ListWorkItemsAsync(project, options.Value.MaxSweepWorkItems - ids.Count, cancellationToken).ConfigureAwait(false);
            var (projectPrs, prsCut) = await ListPullRequestsAsync(project, options.Value.MaxSweepPullRequests - prs.Count, cancellationToken).ConfigureAwait(false);
            ids.AddRange(projectIds);
            prs.AddRange(projectPrs);
            cut |= idsCut || prsCut;
        }

        if (cut)
        {
            Log.Truncated(logger, ids.Count, prs.Count);
        }

        return new OpenItemListing(ids, prs, cut);
    }

    /// <summary>The WIQL of one page: open backlog items of the project with an id above <paramref name="afterId"/>; open
    /// meaning, for each backlog type, a state outside that type's <paramref name="closedStates"/>.</summary>
    public static string OpenWorkItemsQuery(int afterId, IReadOnlyList<(string Type, IReadOnlyList<string> ClosedStates)> closedStates)
    {
        ArgumentNullException.ThrowIfNull(closedStates);
        var types = string.Join(" OR ", closedStates.Select(t => t.ClosedStates.Count == 0
            ? $"([System.WorkItemType] = {List([t.Type])})"
            : $"([System.WorkItemType] = {List([t.Type])} AND [System.State] NOT IN ({List(t.ClosedStates)}))"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND ({types}) AND [System.Id] > {afterId} ORDER BY [System.Id] ASC");
    }

    /// <summary>Each backlog type's closed states in <paramref name="project"/>: those in its <c>Completed</c> and
    /// <c>Removed</c> categories (read once per project and type, <see cref="WorkItemStateCategories"/>), or the default
    /// process's names for a type the project does not have.</summary>
    public async Task<IReadOnlyList<(string Type, IReadOnlyList<string> ClosedStates)>> ClosedStatesAsync(string project, CancellationToken cancellationToken)
    {
        var closed = new List<(string, IReadOnlyList<string>)>();
        foreach (var type in AzureDevOpsWorkItemMapper.BacklogTypes)
        {
            closed.Add((type, await states.ClosedStatesAsync(project, type, cancellationToken).ConfigureAwait(false) ?? AzureDevOpsWorkItemMapper.ClosedStates));
        }

        return closed;
    }

    private async Task<(List<int> Ids, bool Cut)> ListWorkItemsAsync(string project, int max, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        if (max <= 0)
        {
            return (ids, options.Value.MaxSweepWorkItems > 0);
        }

        var closed = await ClosedStatesAsync(project, cancellationToken).ConfigureAwait(false);
        var after = 0;
        while (ids.Count < max)
        {
            var top = Math.Min(WorkItemPageSize, max - ids.Count);
            var page = await client.QueryWorkItemIdsAsync(project, OpenWorkItemsQuery(after, closed), top, cancellationToken).ConfigureAwait(false);
            var fresh = page.Where(id => id > after).Distinct().Order().ToList();
            ids.AddRange(fresh.Take(max - ids.Count));
            if (page.Count < top || fresh.Count == 0)
            {
                return (ids, false);
            }

            after = fresh[^1];
        }

        return (ids, true);
    }

    private async Task<(List<PullRequestRef> PullRequests, bool Cut)> ListPullRequestsAsync(string project, int max, CancellationToken cancellationToken)
    {
        var found = new List<PullRequestRef>();
        if (max <= 0)
        {
            return (found, options.Value.MaxSweepPullRequests > 0);
        }

        for (var skip = 0; found.Count < max; skip += PullRequestPageSize)
        {
            var page = await client.ListPullRequestsAsync(project, "active", skip, PullRequestPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var pr in page)
            {
                if (pr.Repository is { Id: { Length: > 0 } repository } && pr.PullRequestId > 0 && found.Count < max)
                {
                    found.Add(new PullRequestRef(pr.Repository.Project?.Id ?? project, repository, pr.PullRequestId));
                }
            }

            if (page.Count < PullRequestPageSize)
            {
                return (found, false);
            }
        }

        return (found, true);
    }

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"));

    private static partial class Log
    {
        [LoggerMessage(EventId = 5500, Level = LogLevel.Warning, Message = "Open-item listing stopped at its bound ({WorkItems} work items, {PullRequests} pull requests); raise AzureDevOps:MaxSweepWorkItems or MaxSweepPullRequests to cover the rest")]
        public static partial void Truncated(ILogger logger, int workItems, int pullRequests);
    }
}
