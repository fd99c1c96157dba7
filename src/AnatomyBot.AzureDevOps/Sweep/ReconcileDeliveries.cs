using System.Globalization;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Ingress;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>Turns a listing into synthetic <see cref="AzureDevOpsEventTypes.Reconcile"/> deliveries for the queue: one per
/// <see cref="AzureDevOpsClient.BatchSize"/> work items (one <c>workitemsbatch</c> call each, plus their ancestors) and one
/// per <see cref="PullRequestsPerDelivery"/> pull requests, so each delivery is small, retried on its own, and a rate limit
/// met by one does not redo the others. Ids are <c>{prefix}:workitems:0001</c>, <c>{prefix}:pullrequests:0001</c>: the same
/// listing under the same prefix gives the same ids, so the processor's dedupe absorbs a repeated fan-out.</summary>
public static class ReconcileDeliveries
{
    public const int PullRequestsPerDelivery = 10;

    /// <summary>The prefix of the nightly sweep at <paramref name="at"/>: <c>sweep:2026-11-24T03:30:00Z</c>.</summary>
    public static string SweepPrefix(DateTimeOffset at) => "sweep:" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The prefix of the re-evaluation caused by the push notification <paramref name="pushDeliveryId"/>.</summary>
    public static string AnatomyChangePrefix(string pushDeliveryId) => "anatomy:" + pushDeliveryId;

    public static IReadOnlyList<Delivery> Create(string prefix, OpenItemListing items, string? anatomyVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(items);
        var deliveries = new List<Delivery>();
        foreach (var (chunk, index) in items.WorkItemIds.Chunk(AzureDevOpsClient.BatchSize).Select((c, i) => (c, i + 1)))
        {
            deliveries.Add(Build($"{prefix}:workitems:{index:D4}", chunk, [], anatomyVersion, at));
        }

        foreach (var (chunk, index) in items.PullRequests.Chunk(PullRequestsPerDelivery).Select((c, i) => (c, i + 1)))
        {
            deliveries.Add(Build($"{prefix}:pullrequests:{index:D4}", [], chunk, anatomyVersion, at));
        }

        return deliveries;
    }

    private static Delivery Build(string id, IReadOnlyList<int> workItemIds, IReadOnlyList<PullRequestRef> pullRequests, string? anatomyVersion, DateTimeOffset at)
    {
        var body = new ReconcileBody(id, AzureDevOpsEventTypes.Reconcile, new ReconcileResource(workItemIds, pullRequests, anatomyVersion));
        return new Delivery
        {
            Platform = Platforms.AzureDevOps,
            Id = id,
            EventName = AzureDevOpsEventTypes.Reconcile,
            Body = JsonSerializer.Serialize(body, AzureDevOpsJsonContext.Default.ReconcileBody),
            ReceivedAt = at,
        };
    }
}
