using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Turns an Azure DevOps delivery into reconciled items: reads the subject ids from the payload, re-reads all
/// current state, evaluates, and applies only the differences. Every read happens before the first write, so an item
/// deleted between the event and the read leaves nothing half-applied. A push to the anatomy repository refreshes the
/// cached anatomy.</summary>
public sealed partial class AzureDevOpsDeliveryHandler(
    AzureDevOpsSnapshotReader reader,
    IEnumerable<IReconcileApplier> appliers,
    IAnatomyProvider anatomyProvider,
    ApiCallCounter counter,
    IOptions<AzureDevOpsOptions> options,
    ILogger<AzureDevOpsDeliveryHandler> logger) : IDeliveryHandler
{
    private readonly IReconcileApplier _applier = appliers.LastOrDefault(a => a.Source == ItemSource.AzureDevOps)
        ?? throw new InvalidOperationException("No IReconcileApplier for Azure DevOps is registered.");

    private volatile EngineForAnatomy? _engine;

    public string Platform => Platforms.AzureDevOps;

    public async Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var scope = counter.BeginScope();
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["DeliveryId"] = delivery.Id });
        if (!NotificationSubjectReader.TryRead(delivery.EventName, delivery.Body, out var subject, out var error))
        {
            Log.Unreadable(logger, delivery.Id, delivery.EventName, error);
            return DeliveryResult.Skip(error);
        }

        switch (subject)
        {
            case PushSubject push:
                return Counted(scope, HandlePush(push));
            case WorkItemSubject { Deleted: true } deleted:
                Log.Deleted(logger, deleted.WorkItemId);
                return Counted(scope, DeliveryResult.Skip($"work item {deleted.WorkItemId} was deleted; nothing to reconcile on it"));
        }

        var snapshot = await new SnapshotCollector(reader).CollectAsync(subject!, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            Log.Gone(logger, delivery.Id, subject!.ToString());
            return Counted(scope, DeliveryResult.Skip($"{subject} no longer exists"));
        }

        var anatomy = await anatomyProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        var workItems = new List<WorkItem>();
        foreach (var mapped in snapshot.WorkItems.Values.Select(AzureDevOpsSnapshotReader.Map))
        {
            if (mapped.Item is { } item)
            {
                workItems.Add(item);
            }
            else
            {
                Log.Unmappable(logger, mapped.Id ?? "?", mapped.Error ?? "");
                snapshot.WorkItemTargets.RemoveAll(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture) == mapped.Id);
            }
        }

        var reconciler = new SnapshotReconciler(_applier, RenderOptionsFor());
        var evaluations = await reconciler.ReconcileAsync(snapshot, workItems, anatomy, EngineFor(anatomy), cancellationToken).ConfigureAwait(false);
        return Counted(scope, new DeliveryResult { Evaluations = evaluations });
    }

    private DeliveryResult HandlePush(PushSubject push)
    {
        if (!anatomyProvider.IsSourceRepository(push.Project, push.RepositoryName ?? push.RepositoryId)
            && !anatomyProvider.IsSourceRepository(push.Project, push.RepositoryId))
        {
            return DeliveryResult.Skip("push to a repository that does not hold the anatomy");
        }

        anatomyProvider.Invalidate();
        Log.AnatomyRefreshed(logger, push.RepositoryName ?? push.RepositoryId);
        return DeliveryResult.Skip("anatomy repository pushed: cached anatomy refreshed; items are re-evaluated on their next event or sweep");
    }

    private ILinkageEngine EngineFor(EnterpriseAnatomy anatomy)
    {
        if (_engine is { } cached && ReferenceEquals(cached.Anatomy, anatomy))
        {
            return cached.Engine;
        }

        var engine = new LinkageEngine(anatomy);
        _engine = new EngineForAnatomy(anatomy, engine);
        return engine;
    }

    private RenderOptions RenderOptionsFor()
    {
        var source = options.Value.Anatomy;
        if (string.IsNullOrWhiteSpace(source.Repository) || options.Value.OrganizationUrl is not { } org)
        {
            return RenderOptions.Default;
        }

        var project = string.IsNullOrWhiteSpace(source.Project) ? options.Value.Project : source.Project;
        return RenderOptions.Default with
        {
            SpecBaseUrl = $"{org.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(project ?? "")}/_git/{Uri.EscapeDataString(source.Repository)}?path=/",
        };
    }

    private static DeliveryResult Counted(ApiCallCounter.Scope scope, DeliveryResult result) =>
        result with { ApiCalls = scope.Tally.Calls, Writes = scope.Tally.Writes };

    private sealed record EngineForAnatomy(EnterpriseAnatomy Anatomy, ILinkageEngine Engine);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({EventType}) skipped: {Reason}")]
        public static partial void Unreadable(ILogger logger, string deliveryId, string eventType, string reason);

        [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Work item {WorkItemId} was deleted; nothing to reconcile on it")]
        public static partial void Deleted(ILogger logger, int workItemId);

        [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} skipped: {Subject} no longer exists (deleted between event and read)")]
        public static partial void Gone(ILogger logger, string deliveryId, string subject);

        [LoggerMessage(EventId = 5404, Level = LogLevel.Warning, Message = "Work item {WorkItemId} could not be read and is not evaluated: {Error}")]
        public static partial void Unmappable(ILogger logger, string workItemId, string error);

        [LoggerMessage(EventId = 5403, Level = LogLevel.Information, Message = "Anatomy repository {Repository} pushed; cached anatomy refreshed")]
        public static partial void AnatomyRefreshed(ILogger logger, string repository);
    }
}
