using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Sweep;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary><c>git.push</c>: when the push moved the anatomy's branch of the anatomy's Azure Repos repository and the file's
/// object id differs between the old and the new commit, the cached anatomy is dropped, the new one read (its version is
/// the SHA-256 of its text), and every open epic, feature, story and active pull request is queued for re-evaluation
/// against exactly that version (<see cref="ReconcileDeliveries"/>, ids derived from the push's notification id). Any
/// other push costs no API call, or two object-id reads when the file did not change; nothing is written here. With
/// several projects, each anatomy file the push changed re-evaluates the projects that read it, and only those.</summary>
public sealed partial class AnatomyPushHandler(
    AzureDevOpsClient client,
    ProjectAnatomies anatomies,
    OpenItemLister lister,
    IDeliveryScheduler scheduler,
    IOptions<AzureDevOpsOptions> options,
    TimeProvider timeProvider,
    AzureDevOpsAuditRecorder auditRecorder,
    ILogger<AnatomyPushHandler> logger)
{
    public async Task<DeliveryResult> HandleAsync(Delivery delivery, PushSubject push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(push);
        var groups = anatomies.BySource()
            .Where(g => g.Source.Kind == AnatomySourceKind.AzureRepos && IsAnatomyRepository(push, g.Source, g.Projects[0]))
            .ToList();
        if (groups.Count == 0)
        {
            return DeliveryResult.Skip("push to a repository that does not hold the anatomy");
        }

        var outcomes = new List<string>();
        foreach (var (group, index) in groups.Select((g, i) => (g, i)))
        {
            var prefix = ReconcileDeliveries.AnatomyChangePrefix(delivery.Id) + (index == 0 ? "" : $":{index + 1}");
            outcomes.Add(await HandleSourceAsync(delivery, prefix, push, group.Source, group.Projects, cancellationToken).ConfigureAwait(false));
        }

        return DeliveryResult.Skip(string.Join("; ", outcomes));
    }

    /// <summary>One anatomy file the push may have changed, and the projects that read it.</summary>
    private async Task<string> HandleSourceAsync(Delivery delivery, string prefix, PushSubject push, AnatomySourceOptions source, IReadOnlyList<string> projects, CancellationToken cancellationToken)
    {
        var branch = AnatomyBranch(source, push);
        var updates = push.RefUpdates.Where(u => branch is null || string.Equals(u.Name, branch, StringComparison.OrdinalIgnoreCase)).ToList();
        if (updates.Count == 0)
        {
            return $"push to {string.Join(", ", push.RefUpdates.Select(u => u.Name))}; the anatomy is read from {branch}";
        }

        if (!await TouchesAnatomyAsync(push, updates, source.Path, cancellationToken).ConfigureAwait(false))
        {
            return $"push did not change {source.Path}";
        }

        await auditRecorder.RecordPushAsync(delivery, push, updates, source.Path, cancellationToken).ConfigureAwait(false);

        var anatomyProvider = anatomies.For(projects[0]);
        anatomyProvider.Invalidate();
        LoadedAnatomy loaded;
        try
        {
            loaded = await anatomyProvider.GetAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (AnatomyUnavailableException exception)
        {
            Log.Unusable(logger, exception.Message);
            return $"the pushed anatomy cannot be used, nothing re-evaluated until it is fixed: {exception.Message}";
        }

        var items = await lister.ListAsync(projects, cancellationToken).ConfigureAwait(false);
        var deliveries = ReconcileDeliveries.Create(prefix, items, loaded.Version, timeProvider.GetUtcNow());
        foreach (var queued in deliveries)
        {
            await scheduler.EnqueueAsync(queued, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        Log.Queued(logger, loaded.Version, items.WorkItemIds.Count, items.PullRequests.Count, deliveries.Count);
        return $"anatomy changed (version {loaded.Version[..12]}): {items.WorkItemIds.Count} work item(s) and {items.PullRequests.Count} pull request(s) queued for re-evaluation in {deliveries.Count} deliveries";
    }

    private bool IsAnatomyRepository(PushSubject push, AnatomySourceOptions source, string project)
    {
        var repositoryProject = options.Value.AnatomyRepositoryProject(project);
        return (Same(source.Repository, push.RepositoryName) || Same(source.Repository, push.RepositoryId))
            && (Same(repositoryProject, push.Project) || Same(repositoryProject, push.ProjectName));
    }

    /// <summary>The configured branch as a full ref, else the repository's default branch from the payload, else null (any
    /// ref: the object-id comparison still decides).</summary>
    private static string? AnatomyBranch(AnatomySourceOptions source, PushSubject push) =>
        string.IsNullOrWhiteSpace(source.Branch) ? push.DefaultBranch
        : source.Branch.StartsWith("refs/", StringComparison.OrdinalIgnoreCase) ? source.Branch
        : "refs/heads/" + source.Branch;

    private async Task<bool> TouchesAnatomyAsync(PushSubject push, IReadOnlyList<RefUpdate> updates, string path, CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            if (AnatomyCommit.IsZero(update.NewObjectId))
            {
                continue;
            }

            var after = await client.GetFileObjectIdAsync(push.Project, push.RepositoryId, path, update.NewObjectId!, cancellationToken).ConfigureAwait(false);
            var before = AnatomyCommit.IsZero(update.OldObjectId)
                ? null
                : await client.GetFileObjectIdAsync(push.Project, push.RepositoryId, path, update.OldObjectId!, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(before, after, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(string? left, string? right) =>
        !string.IsNullOrWhiteSpace(left) && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5410, Level = LogLevel.Information, Message = "Anatomy changed to version {Version}: {WorkItems} work items and {PullRequests} pull requests queued for re-evaluation in {Deliveries} deliveries")]
        public static partial void Queued(ILogger logger, string version, int workItems, int pullRequests, int deliveries);

        [LoggerMessage(EventId = 5411, Level = LogLevel.Warning, Message = "The pushed anatomy cannot be used; items keep their tags and statuses until it is fixed: {Reason}")]
        public static partial void Unusable(ILogger logger, string reason);
    }
}
