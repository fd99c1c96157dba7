using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Commands;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Ingress;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Turns an Azure DevOps delivery into reconciled items: reads the subject ids from the payload, re-reads all
/// current state, evaluates, and applies only the differences. Every read happens before the first write, so an item
/// deleted between the event and the read leaves nothing half-applied. A push that changes the anatomy queues the
/// re-evaluation of every open item (<see cref="AnatomyPushHandler"/>); those queued deliveries, and the nightly sweep's,
/// arrive here as <see cref="ReconcileSubject"/>. Targets are split by project (<see cref="ProjectTargets"/>): each
/// configured project's against its own anatomy (<see cref="ProjectAnatomies"/>), any other project's not at all. A
/// work item whose state is in the <c>Completed</c> or <c>Removed</c> category (<see cref="WorkItemStateCategories"/>),
/// a completed or abandoned pull request, is evaluated for the ledger and gets no write; a deleted work item is recorded as gone, its open gaps closed with it.
/// A pull-request comment notification the bot's own comment write caused is acknowledged without a reconcile or a call.</summary>
public sealed partial class AzureDevOpsDeliveryHandler(
    AzureDevOpsSnapshotReader reader,
    WorkItemStateCategories states,
    IEnumerable<IReconcileApplier> appliers,
    EngineCache engines,
    ProjectAnatomies projectAnatomies,
    AnatomyPushHandler pushHandler,
    AzureDevOpsAuditRecorder auditRecorder,
    IOptions<AzureDevOpsOptions> options,
    IOptions<DeliveryProcessorOptions> pipeline,
    ILogger<AzureDevOpsDeliveryHandler> logger,
    AzureDevOpsCommandRunner? commands = null,
    RecordedWaiverReader? recordedWaivers = null) : IDeliveryHandler
{
    private readonly DifferenceApplier _applier = new(appliers, ItemSource.AzureDevOps);

    public string Platform => Platforms.AzureDevOps;

    public async Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var calls = ApiCallTally.Begin(pipeline.Value.MaxApiCallsPerDelivery);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["DeliveryId"] = delivery.Id });
        if (!NotificationSubjectReader.TryRead(delivery.EventName, delivery.Body, out var subject, out var error))
        {
            Log.Unreadable(logger, delivery.Id, delivery.EventName, error);
            return DeliveryResult.Skip(error);
        }

        if (IsOwnComment(delivery) && CommentNotificationReader.TryReadThreadComment(delivery.Body, out var ownThread, out var ownComment))
        {
            Log.OwnComment(logger, delivery.Id, ownThread, ownComment);
            return DeliveryResult.Skip(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"comment {ownThread}/{ownComment}: the bot's own, acknowledged without a reconcile"));
        }

        if (subject is WorkItemSubject { Deleted: false } changed && delivery.EventName == AzureDevOpsEventTypes.WorkItemUpdated)
        {
            await auditRecorder.RecordTagsAsync(delivery, changed, cancellationToken).ConfigureAwait(false);
        }

        switch (subject)
        {
            case PushSubject push:
                return calls.Tally.Stamp(await pushHandler.HandleAsync(delivery, push, cancellationToken).ConfigureAwait(false));
            case WorkItemSubject { Deleted: true } deleted:
                Log.Deleted(logger, deleted.WorkItemId);
                return calls.Tally.Stamp(new DeliveryResult
                {
                    Gone = [new GoneItem(ItemSource.AzureDevOps, deleted.WorkItemId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                });
        }

        DeliveryResult? reconciled = null;
        Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> reevaluate = async ct =>
        {
            reconciled = await ReconcileAsync(delivery, subject!, ct).ConfigureAwait(false);
            return reconciled.Evaluations;
        };
        if (RunCommands(delivery, subject!, reevaluate, cancellationToken) is { } run)
        {
            var (evaluations, skipped) = await run.ConfigureAwait(false);
            if (skipped is not null)
            {
                Log.CommentSkipped(logger, delivery.Id, skipped);
            }
            else if (reconciled is not null)
            {
                return calls.Tally.Stamp(reconciled with { Evaluations = evaluations });
            }
        }

        return calls.Tally.Stamp(await ReconcileAsync(delivery, subject!, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether a pull-request comment notification is provably about the bot's own comment: its author is the
    /// bot's identity (configured or learnt, never asked for here) and it carries the bot's marker. The marker alone proves
    /// nothing: anyone can copy it into a comment. A work-item comment notification names its author by display name
    /// only (<c>System.ChangedBy</c>), which proves nothing either, so it is reconciled as before.</summary>
    private bool IsOwnComment(Delivery delivery) =>
        delivery.EventName == AzureDevOpsEventTypes.PullRequestCommented
        && CommentNotificationReader.TryReadThreadCommentAuthor(delivery.Body, out var author, out var content)
        && reader.Identity.IsSelf(author)
        && CommandReplies.IsBotComment(content);

    /// <summary>The run of the <c>/anatomy</c> commands of a commented pull request or work item; null for any other
    /// delivery, or without a command runner.</summary>
    private Task<(IReadOnlyList<ItemEvaluation> Evaluations, string? Skipped)>? RunCommands(
        Delivery delivery, NotificationSubject subject, Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> reevaluate, CancellationToken cancellationToken)
    {
        if (commands is null)
        {
            return null;
        }

        if (delivery.EventName == AzureDevOpsEventTypes.PullRequestCommented && subject is PullRequestSubject commented
            && CommentNotificationReader.TryReadThreadComment(delivery.Body, out var threadId, out var commentId))
        {
            return commands.RunAsync(commented.PullRequest, threadId, commentId, reevaluate, cancellationToken);
        }

        return delivery.EventName == AzureDevOpsEventTypes.WorkItemCommented && CommentNotificationReader.TryReadWorkItemComment(delivery.Body, out var workItemId, out var revision)
            ? commands.RunOnWorkItemAsync(workItemId, revision, reevaluate, cancellationToken)
            : null;
    }

    /// <summary>Reads the subject's current state, evaluates it and applies the differences.</summary>
    private async Task<DeliveryResult> ReconcileAsync(Delivery delivery, NotificationSubject subject, CancellationToken cancellationToken)
    {
        var snapshot = await new SnapshotCollector(reader).CollectAsync(subject, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            Log.Gone(logger, delivery.Id, subject.ToString());
            return DeliveryResult.Skip($"{subject} no longer exists");
        }

        var (parts, elsewhere) = ProjectTargets.Split(snapshot, subject, options.Value);
        if (parts.Count == 0 && elsewhere is not null)
        {
            Log.NotOptedIn(logger, delivery.Id, elsewhere);
            return DeliveryResult.Skip($"project {elsewhere} has no configured anatomy; nothing is written there");
        }

        // Every project's anatomy is read before the first write, so one that cannot be read leaves nothing half-applied.
        var anatomies = new List<EnterpriseAnatomy>();
        foreach (var (project, _) in parts)
        {
            anatomies.Add((await projectAnatomies.For(project).GetAsync((subject as ReconcileSubject)?.AnatomyVersion, cancellationToken).ConfigureAwait(false)).Anatomy);
        }

        var targets = parts.SelectMany(p => p.Part.WorkItemTargets).ToHashSet();
        var workItems = new List<WorkItem>();
        foreach (var (id, read) in snapshot.WorkItems)
        {
            var mapped = AzureDevOpsSnapshotReader.Map(read);
            if (mapped.Item is { } item)
            {
                workItems.Add(targets.Contains(id)
                    ? await states.WithLifecycleAsync(item, read, options.Value.DefaultProject, cancellationToken).ConfigureAwait(false)
                    : item);
            }
            else
            {
                Log.Unmappable(logger, mapped.Id ?? "?", mapped.Error ?? "");
                foreach (var (_, part) in parts)
                {
                    part.WorkItemTargets.RemoveAll(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture) == mapped.Id);
                }
            }
        }

        var evaluations = new List<ItemEvaluation>();
        foreach (var ((project, part), anatomy) in parts.Zip(anatomies))
        {
            var reconciler = new SnapshotReconciler(_applier, RenderOptionsFor(project), reader.FindItemCommentAsync, reader.Identity, recordedWaivers);
            evaluations.AddRange(await reconciler.ReconcileAsync(part, workItems, anatomy, engines.For(anatomy), cancellationToken).ConfigureAwait(false));
        }

        return new DeliveryResult { Evaluations = evaluations };
    }

    private RenderOptions RenderOptionsFor(string project)
    {
        var source = options.Value.Anatomy.For(project);
        var specBase = source.Kind switch
        {
            AnatomySourceKind.AzureRepos when options.Value.OrganizationUrl is { } org => AzureReposSpecBase(org, source, options.Value.AnatomyRepositoryProject(project)),
            AnatomySourceKind.GitHub when source.GitHub.TrySplitRepository(out var owner, out var name) => GitHubSpecBase(source.GitHub.EffectiveBaseUrl, owner, name, source.Branch),
            _ => null,
        };
        return specBase is null ? RenderOptions.Default : RenderOptions.Default with { SpecBaseUrl = specBase };
    }

    private static string AzureReposSpecBase(Uri org, AnatomySourceOptions source, string project) =>
        $"{org.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_git/{Uri.EscapeDataString(source.Repository!)}?path=/";

    /// <summary>Spec links point at the web UI: <c>api.github.com</c> → <c>github.com</c>, GitHub Enterprise Server
    /// <c>https://HOST/api/v3/</c> → <c>https://HOST/</c>.</summary>
    private static string GitHubSpecBase(Uri api, string owner, string name, string? branch)
    {
        var web = api.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase)
            ? "https://github.com"
            : api.GetLeftPart(UriPartial.Authority);
        var at = string.IsNullOrWhiteSpace(branch) ? "HEAD" : Uri.EscapeDataString(branch);
        return $"{web}/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/blob/{at}/";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({EventType}) skipped: {Reason}")]
        public static partial void Unreadable(ILogger logger, string deliveryId, string eventType, string reason);

        [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Work item {WorkItemId} was deleted; its open gaps close with it")]
        public static partial void Deleted(ILogger logger, int workItemId);

        [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} skipped: {Subject} no longer exists (deleted between event and read)")]
        public static partial void Gone(ILogger logger, string deliveryId, string subject);

        [LoggerMessage(EventId = 5405, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: project {Project} has no configured anatomy; nothing is written there")]
        public static partial void NotOptedIn(ILogger logger, string deliveryId, string project);

        [LoggerMessage(EventId = 5406, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: {Reason}")]
        public static partial void CommentSkipped(ILogger logger, string deliveryId, string reason);

        [LoggerMessage(EventId = 5407, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: comment {ThreadId}/{CommentId} is the bot's own; acknowledged without a reconcile")]
        public static partial void OwnComment(ILogger logger, string deliveryId, int threadId, int commentId);

        [LoggerMessage(EventId = 5404, Level = LogLevel.Warning, Message = "Work item {WorkItemId} could not be read and is not evaluated: {Error}")]
        public static partial void Unmappable(ILogger logger, string workItemId, string error);
    }
}
