using System.Text.Json;
using AnatomyBot.AzureDevOps.Ingress;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Events;

/// <summary>Reads the subject ids from a service-hook body, tolerating the documented shape variants:
/// <c>workitem.updated</c> carries an <em>update</em> (<c>resource.id</c> is the update number; the item is
/// <c>resource.workItemId</c>, or <c>resource.revision.id</c> when that is 0); the comment event carries
/// <c>resource = { comment, pullRequest }</c>; the project id may only be in <c>resourceContainers</c>.</summary>
public static class NotificationSubjectReader
{
    public static bool TryRead(string eventType, string body, out NotificationSubject? subject, out string error)
    {
        subject = null;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
            var root = document.RootElement;
            if (!root.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                error = "the notification has no 'resource' object";
                return false;
            }

            subject = eventType switch
            {
                AzureDevOpsEventTypes.WorkItemUpdated => ReadWorkItemUpdate(resource),
                AzureDevOpsEventTypes.WorkItemCreated or AzureDevOpsEventTypes.WorkItemRestored or AzureDevOpsEventTypes.WorkItemCommented => ReadWorkItem(resource, false),
                AzureDevOpsEventTypes.WorkItemDeleted => ReadWorkItem(resource, true),
                AzureDevOpsEventTypes.PullRequestCreated or AzureDevOpsEventTypes.PullRequestUpdated or AzureDevOpsEventTypes.PullRequestMerged
                    => ReadPullRequest(resource, root),
                AzureDevOpsEventTypes.PullRequestCommented => resource.TryGetProperty("pullRequest", out var pr) ? ReadPullRequest(pr, root) : null,
                AzureDevOpsEventTypes.Push => ReadPush(resource, root),
                AzureDevOpsEventTypes.Reconcile => ReadReconcile(resource),
                _ => null,
            };
        }
        catch (JsonException exception)
        {
            error = $"malformed JSON: {exception.Message}";
            return false;
        }

        error = subject is null ? $"no subject could be read from the '{eventType}' notification" : "";
        return subject is not null;
    }

    private static WorkItemSubject? ReadWorkItemUpdate(JsonElement resource)
    {
        var id = Int(resource, "workItemId");
        if (id <= 0 && resource.TryGetProperty("revision", out var revision) && revision.ValueKind == JsonValueKind.Object)
        {
            id = Int(revision, "id");
        }

        if (id <= 0 && !resource.TryGetProperty("workItemId", out _) && !resource.TryGetProperty("revision", out _))
        {
            id = Int(resource, "id");
        }

        return id > 0 ? new WorkItemSubject(id, false) : null;
    }

    private static WorkItemSubject? ReadWorkItem(JsonElement resource, bool deleted)
    {
        var id = Int(resource, "id");
        return id > 0 ? new WorkItemSubject(id, deleted) : null;
    }

    private static PullRequestSubject? ReadPullRequest(JsonElement pr, JsonElement root)
    {
        var id = Int(pr, "pullRequestId");
        var repository = pr.TryGetProperty("repository", out var repo) ? repo : default;
        var repositoryId = Str(repository, "id");
        var project = ProjectOf(repository, root);
        return id > 0 && PlainName.Is(repositoryId) && PlainName.Is(project)
            ? new PullRequestSubject(new PullRequestRef(project!, repositoryId!, id))
            : null;
    }

    private static PushSubject? ReadPush(JsonElement resource, JsonElement root)
    {
        var repository = resource.TryGetProperty("repository", out var repo) ? repo : default;
        var repositoryId = Str(repository, "id");
        var project = ProjectOf(repository, root);
        var refs = resource.TryGetProperty("refUpdates", out var updates) && updates.ValueKind == JsonValueKind.Array
            ? updates.EnumerateArray().Where(u => Str(u, "name") is not null).Select(u => new RefUpdate(Str(u, "name")!, Str(u, "oldObjectId"), Str(u, "newObjectId"))).ToList()
            : [];
        var projectName = repository.ValueKind == JsonValueKind.Object && repository.TryGetProperty("project", out var p) ? Str(p, "name") : null;
        return !PlainName.Is(repositoryId) || !PlainName.Is(project)
            ? null
            : new PushSubject(project!, repositoryId!, Str(repository, "name"), refs, projectName, Str(repository, "defaultBranch"));
    }

    /// <summary><c>{ "workItemIds": [1, 2], "pullRequests": [{ "project", "repositoryId", "pullRequestId" }], "anatomyVersion" }</c>,
    /// as <see cref="Sweep.ReconcileDeliveries"/> writes it.</summary>
    private static ReconcileSubject? ReadReconcile(JsonElement resource)
    {
        var ids = resource.TryGetProperty("workItemIds", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var id) && id > 0).Select(e => e.GetInt32()).Distinct().ToList()
            : [];
        var prs = new List<PullRequestRef>();
        if (resource.TryGetProperty("pullRequests", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var pr in refs.EnumerateArray())
            {
                if (Str(pr, "project") is { } project && Str(pr, "repositoryId") is { } repository && Int(pr, "pullRequestId") is > 0 and var number)
                {
                    prs.Add(new PullRequestRef(project, repository, number));
                }
            }
        }

        return ids.Count + prs.Count == 0 ? null : new ReconcileSubject(ids, prs, Str(resource, "anatomyVersion"));
    }

    private static string? ProjectOf(JsonElement repository, JsonElement root)
    {
        if (repository.ValueKind == JsonValueKind.Object && repository.TryGetProperty("project", out var project) && Str(project, "id") is { } id)
        {
            return id;
        }

        return root.TryGetProperty("resourceContainers", out var containers) && containers.ValueKind == JsonValueKind.Object
            && containers.TryGetProperty("project", out var container) ? Str(container, "id") : null;
    }

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt32(out var number) => number,
                JsonValueKind.String when int.TryParse(value.GetString(), out var number) => number,
                _ => 0,
            }
            : 0;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;
}
