using System.Globalization;
using System.Text.Json.Nodes;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>Azure DevOps REST shapes (api-version 7.1; the fields the channel reads), built from the fake's state.</summary>
internal static class FakeAzureDevOpsJson
{
    public static JsonObject Envelope(IEnumerable<JsonNode?> values)
    {
        var list = new JsonArray([.. values]);
        return new JsonObject { ["count"] = list.Count, ["value"] = list };
    }

    public static JsonObject WorkItem(string baseUrl, FakeAzureDevOps ado, FakeWorkItem item)
    {
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.AreaPath"] = ado.Project,
            ["System.TeamProject"] = ado.Project,
            ["System.WorkItemType"] = item.Type,
            ["System.State"] = item.State,
            ["System.Title"] = item.Title,
            ["System.Description"] = item.Description,
            ["System.CreatedBy"] = new JsonObject { ["displayName"] = "Pat Product-Owner", ["uniqueName"] = "pat.po@contoso.example" },
        };
        if (!string.IsNullOrEmpty(item.Tags))
        {
            fields["System.Tags"] = item.Tags;
        }

        var relations = new JsonArray();
        if (item.Parent is { } parent)
        {
            relations.Add(Relation("System.LinkTypes.Hierarchy-Reverse", WorkItemUrl(baseUrl, ado, parent), "Parent"));
        }

        foreach (var child in ado.WorkItems.Values.Where(w => w.Parent == item.Id))
        {
            relations.Add(Relation("System.LinkTypes.Hierarchy-Forward", WorkItemUrl(baseUrl, ado, child.Id), "Child"));
        }

        foreach (var pr in item.PullRequests)
        {
            var repositoryId = ado.Repositories[ado.PullRequestRepository];
            relations.Add(Relation("ArtifactLink", $"vstfs:///Git/PullRequestId/{ado.ProjectId}%2F{repositoryId}%2F{pr}", "Pull Request"));
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = item.Rev,
            ["fields"] = fields,
            ["relations"] = relations,
            ["url"] = WorkItemUrl(baseUrl, ado, item.Id),
            ["_links"] = new JsonObject { ["html"] = new JsonObject { ["href"] = $"https://dev.azure.com/{ado.Organization}/{ado.Project}/_workitems/edit/{item.Id}" } },
        };
    }

    public static JsonObject PullRequest(string baseUrl, FakeAzureDevOps ado, string repository, FakeAzurePullRequest pr) => new()
    {
        ["pullRequestId"] = pr.Id,
        ["status"] = pr.Status,
        ["title"] = pr.Title,
        ["description"] = pr.Description,
        ["isDraft"] = false,
        ["createdBy"] = new JsonObject { ["displayName"] = pr.Author.Split('@')[0], ["uniqueName"] = pr.Author },
        ["repository"] = Repository(baseUrl, ado, repository),
        ["sourceRefName"] = $"refs/heads/feature/{pr.Id}",
        ["targetRefName"] = "refs/heads/main",
        ["url"] = $"{baseUrl}{ado.ProjectId}/_apis/git/repositories/{ado.Repositories[repository]}/pullRequests/{pr.Id}",
    };

    public static JsonObject Repository(string baseUrl, FakeAzureDevOps ado, string repository) => new()
    {
        ["id"] = ado.Repositories[repository],
        ["name"] = repository,
        ["url"] = $"{baseUrl}{ado.ProjectId}/_apis/git/repositories/{ado.Repositories[repository]}",
        ["webUrl"] = $"https://dev.azure.com/{ado.Organization}/{ado.Project}/_git/{repository}",
        ["project"] = new JsonObject { ["id"] = ado.ProjectId, ["name"] = ado.Project },
    };

    public static JsonObject Thread(FakeAzureThread thread) => new()
    {
        ["id"] = thread.Id,
        ["status"] = thread.Status,
        ["isDeleted"] = false,
        ["comments"] = new JsonArray([.. thread.Comments.Select(c => (JsonNode)Comment(c))]),
    };

    public static JsonObject Comment(FakeAzureComment comment) => new()
    {
        ["id"] = comment.Id,
        ["parentCommentId"] = 0,
        ["content"] = comment.Content,
        ["commentType"] = "text",
        ["isDeleted"] = false,
        ["author"] = new JsonObject { ["displayName"] = "AnatomyBot", ["uniqueName"] = "anatomybot@contoso.example" },
    };

    public static JsonObject Status(FakeAzureStatus status) => new()
    {
        ["id"] = status.Id,
        ["iterationId"] = status.IterationId,
        ["state"] = status.State,
        ["description"] = status.Description,
        ["context"] = new JsonObject { ["genre"] = status.Genre, ["name"] = status.Name },
    };

    public static string WorkItemUrl(string baseUrl, FakeAzureDevOps ado, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{ado.ProjectId}/_apis/wit/workItems/{id}");

    private static JsonObject Relation(string rel, string url, string name) => new()
    {
        ["rel"] = rel,
        ["url"] = url,
        ["attributes"] = new JsonObject { ["isLocked"] = false, ["name"] = name },
    };
}
