using System.Globalization;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Sweep;

/// <summary>A synthetic delivery asking the GitHub handler to reconcile one open issue or pull request: event
/// <see cref="GitHubEvents.Sweep"/>, with a body in the shape of a webhook payload (<c>repository</c>, <c>installation</c>,
/// <c>issue.number</c>, <c>issue.pull_request</c> for a pull request) so the same facts reader routes it.</summary>
public static class SweepDelivery
{
    /// <summary>The nightly sweep's id for an item: <c>sweep:2026-11-24T03:30:00Z:owner/repo#12</c>, unique per run and item.</summary>
    public static string NightlyId(DateTimeOffset at, IssueId item) =>
        string.Create(CultureInfo.InvariantCulture, $"sweep:{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}:{item}");

    /// <summary>The id of an item re-evaluated because a push changed the anatomy: unique per push delivery and item, so a
    /// retried push delivery queues nothing twice.</summary>
    public static string AnatomyChangedId(string pushDeliveryId, IssueId item) => $"anatomy:{pushDeliveryId}:{item}";

    /// <summary>The id of a repository re-swept because the organisation's anatomy changed:
    /// <c>anatomy:{push delivery id}:owner/repo</c>; its items are then queued as
    /// <c>anatomy:{push delivery id}:owner/repo#N</c>, as after a push to the repository's own anatomy.</summary>
    public static string OrganizationAnatomyChangedId(string pushDeliveryId, RepositoryId repository) => $"anatomy:{pushDeliveryId}:{repository}";

    public static Delivery Create(string id, IssueId item, bool isPullRequest, long? installationId, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        var issue = new JsonObject { ["number"] = item.Number };
        if (isPullRequest)
        {
            issue["pull_request"] = new JsonObject();
        }

        return Build(id, "reconcile", issue, item.Repository, installationId, reason, at);
    }

    /// <summary>A delivery asking to re-sweep a whole repository (action <see cref="GitHubEvents.ReconcileRepositoryAction"/>)
    /// unless it has an anatomy of its own.</summary>
    public static Delivery CreateForRepository(string id, RepositoryId repository, long? installationId, string reason, DateTimeOffset at) =>
        Build(id, GitHubEvents.ReconcileRepositoryAction, null, repository, installationId, reason, at);

    private static Delivery Build(string id, string action, JsonObject? issue, RepositoryId repository, long? installationId, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var body = new JsonObject
        {
            ["action"] = action,
            ["reason"] = reason,
        };
        if (issue is not null)
        {
            body["issue"] = issue;
        }

        body["repository"] = new JsonObject
        {
            ["name"] = repository.Name,
            ["full_name"] = repository.ToString(),
            ["owner"] = new JsonObject { ["login"] = repository.Owner },
        };
        if (installationId is { } installation)
        {
            body["installation"] = new JsonObject { ["id"] = installation };
        }

        return new Delivery
        {
            Platform = Platforms.GitHub,
            Id = id,
            EventName = GitHubEvents.Sweep,
            Body = body.ToJsonString(),
            ReceivedAt = at,
        };
    }
}
