using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>Azure DevOps REST shapes (api-version 7.1) built from the fake's state, as the published specification's
/// models name them (<c>WorkItem</c>, <c>GitPullRequest</c>, <c>GitPullRequestCommentThread</c>, <c>GitPullRequestStatus</c>).
/// Service hook payloads use the same shapes.</summary>
public static class FakeAzureDevOpsJson
{
    private const string Created = "2026-11-16T09:00:00Z";

    /// <summary>When an edited comment was changed.</summary>
    private const string Edited = "2026-11-16T10:30:00Z";

    /// <summary>Azure DevOps' collection envelope: <c>{"count": n, "value": [...]}</c>.</summary>
    public static JsonObject Envelope(IEnumerable<JsonNode?> values)
    {
        var list = new JsonArray([.. values]);
        return new JsonObject { ["count"] = list.Count, ["value"] = list };
    }

    /// <summary>A 40-hex-digit object id for a text.</summary>
    public static string ObjectId(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];

    public static JsonObject Error(string message) => new()
    {
        ["$id"] = "1",
        ["innerException"] = null,
        ["message"] = message,
        ["typeName"] = "Microsoft.TeamFoundation.Framework.Server.FakeAzureDevOpsException, Microsoft.TeamFoundation.Framework.Server",
        ["typeKey"] = "FakeAzureDevOpsException",
        ["errorCode"] = 0,
        ["eventId"] = 3000,
    };

    public static JsonObject Identity(string uniqueName) => new()
    {
        ["displayName"] = uniqueName.Split('@')[0],
        ["uniqueName"] = uniqueName,
        ["id"] = Guid(uniqueName),
        ["descriptor"] = "aad." + Convert.ToBase64String(Encoding.UTF8.GetBytes(uniqueName)).TrimEnd('='),
    };

    /// <param name="item">The work item.</param>
    /// <param name="project">The project's name (area and iteration path).</param>
    /// <param name="workItemUrl">The REST URL of a work item by id.</param>
    /// <param name="children">Ids of the items whose parent this one is.</param>
    /// <param name="api">The organisation URL.</param>
    public static JsonObject WorkItem(FakeWorkItem item, string project, Func<int, string> workItemUrl, IReadOnlyList<int> children, string api)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(workItemUrl);
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.AreaPath"] = project,
            ["System.TeamProject"] = project,
            ["System.IterationPath"] = project,
            ["System.WorkItemType"] = item.Type,
            ["System.State"] = item.State,
            ["System.CreatedBy"] = Identity(item.CreatedBy),
            ["System.CreatedDate"] = Created,
            ["System.Title"] = item.Title,
            ["System.Description"] = item.Description,
        };
        if (!string.IsNullOrEmpty(item.Tags))
        {
            fields["System.Tags"] = item.Tags;
        }

        if (item.Parent is { } parent)
        {
            fields["System.Parent"] = parent;
        }

        foreach (var (key, value) in item.Fields)
        {
            fields[key] = value;
        }

        var relations = new JsonArray();
        if (item.Parent is { } p)
        {
            relations.Add((JsonNode)Relation("System.LinkTypes.Hierarchy-Reverse", workItemUrl(p), "Parent"));
        }

        foreach (var child in children)
        {
            relations.Add((JsonNode)Relation("System.LinkTypes.Hierarchy-Forward", workItemUrl(child), "Child"));
        }

        foreach (var (projectId, repositoryId, number) in item.PullRequestLinks)
        {
            relations.Add((JsonNode)Relation("ArtifactLink", $"vstfs:///Git/PullRequestId/{projectId}%2F{repositoryId}%2F{number}", "Pull Request"));
        }

        var url = workItemUrl(item.Id);
        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = item.Rev,
            ["fields"] = fields,
            ["relations"] = relations,
            ["_links"] = new JsonObject
            {
                ["self"] = Link(url),
                ["html"] = Link($"{api}{Uri.EscapeDataString(project)}/_workitems/edit/{item.Id}"),
            },
            ["url"] = url,
        };
    }

    public static JsonObject PullRequest(string api, FakeAzureDevOps ado, FakeGitRepository repository, FakePullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(ado);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(pr);
        var json = new JsonObject
        {
            ["repository"] = Repository(api, ado, repository),
            ["pullRequestId"] = pr.Number,
            ["codeReviewId"] = pr.Number,
            ["status"] = pr.Status,
            ["createdBy"] = Identity(pr.Author),
            ["creationDate"] = Created,
            ["title"] = pr.Title,
            ["description"] = pr.Description,
            ["sourceRefName"] = $"refs/heads/feature/{pr.Number}",
            ["targetRefName"] = "refs/heads/main",
            ["mergeStatus"] = "succeeded",
            ["isDraft"] = false,
            ["mergeId"] = Guid($"merge {repository.Id} {pr.Number}"),
            ["reviewers"] = new JsonArray(),
            ["labels"] = new JsonArray([.. pr.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = Guid("label " + l), ["name"] = l, ["active"] = true })]),
            ["url"] = $"{api}{ado.ProjectIdOf(repository.Project)}/_apis/git/repositories/{repository.Id}/pullRequests/{pr.Number}",
            ["supportsIterations"] = true,
        };
        if (pr.ClosedDate is { } closed)
        {
            json["closedDate"] = closed.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return json;
    }

    public static JsonObject Repository(string api, FakeAzureDevOps ado, FakeGitRepository repository)
    {
        ArgumentNullException.ThrowIfNull(ado);
        ArgumentNullException.ThrowIfNull(repository);
        return new JsonObject
        {
            ["id"] = repository.Id,
            ["name"] = repository.Name,
            ["url"] = $"{api}{ado.ProjectIdOf(repository.Project)}/_apis/git/repositories/{repository.Id}",
            ["project"] = new JsonObject { ["id"] = ado.ProjectIdOf(repository.Project), ["name"] = repository.Project ?? ado.Project, ["state"] = "wellFormed", ["visibility"] = "private" },
            ["webUrl"] = $"{api}{Uri.EscapeDataString(repository.Project ?? ado.Project)}/_git/{Uri.EscapeDataString(repository.Name)}",
        };
    }

    public static JsonObject Iteration(int id, FakePullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        return new JsonObject
        {
            ["id"] = id,
            ["description"] = pr.Title,
            ["author"] = Identity(pr.Author),
            ["createdDate"] = Created,
            ["updatedDate"] = Created,
            ["sourceRefCommit"] = new JsonObject { ["commitId"] = ObjectId($"{pr.Number}/{id}") },
            ["targetRefCommit"] = new JsonObject { ["commitId"] = ObjectId("main") },
        };
    }

    public static JsonObject Changes(IEnumerable<string> paths) => new()
    {
        ["changeEntries"] = new JsonArray([.. paths.Select((path, i) => (JsonNode)new JsonObject
        {
            ["changeTrackingId"] = i + 1,
            ["changeId"] = i + 1,
            ["item"] = new JsonObject { ["objectId"] = ObjectId(path), ["path"] = "/" + path.TrimStart('/') },
            ["changeType"] = "edit",
        })]),
    };

    public static JsonObject Thread(FakeThread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return new JsonObject
        {
            ["id"] = thread.Id,
            ["publishedDate"] = Created,
            ["lastUpdatedDate"] = Created,
            ["comments"] = new JsonArray([.. thread.Comments.Select(c => (JsonNode)Comment(c))]),
            ["status"] = thread.Status,
            ["isDeleted"] = thread.IsDeleted,
        };
    }

    public static JsonObject Comment(FakeThreadComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["parentCommentId"] = comment.ParentCommentId,
            ["author"] = Identity(comment.Author.Contains('@', StringComparison.Ordinal) ? comment.Author : comment.Author.ToLowerInvariant() + "@contoso.example"),
            ["content"] = comment.Content,
            ["publishedDate"] = Created,
            ["lastUpdatedDate"] = comment.Edited ? Edited : Created,
            ["lastContentUpdatedDate"] = comment.Edited ? Edited : Created,
            ["commentType"] = "text",
            ["isDeleted"] = comment.IsDeleted,
        };
    }

    public static JsonObject Status(FakePullRequestStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new JsonObject
        {
            ["id"] = status.Id,
            ["iterationId"] = status.IterationId,
            ["state"] = status.State,
            ["description"] = status.Description,
            ["context"] = new JsonObject { ["genre"] = status.Genre, ["name"] = status.Name },
            ["creationDate"] = Created,
            ["createdBy"] = Identity(status.CreatedBy),
        };
    }

    private static JsonObject Link(string href) => new() { ["href"] = href };

    private static JsonObject Relation(string rel, string url, string name) => new()
    {
        ["rel"] = rel,
        ["url"] = url,
        ["attributes"] = new JsonObject { ["isLocked"] = false, ["name"] = name },
    };

    private static string Guid(string text) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToString();
}
