using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.AzureDevOps.Tests.Fakes;

internal sealed partial class FakeAzureDevOps
{
    private HttpResponseMessage? Route(HttpMethod method, string path, Dictionary<string, string> query, string body)
    {
        if (!query.TryGetValue("api-version", out var version) || version != "7.1")
        {
            return Status(HttpStatusCode.BadRequest, "api-version missing or not 7.1");
        }

        Match m;
        if (method == HttpMethod.Post && (m = WorkItemsBatchPath().Match(path)).Success)
        {
            var ids = JsonNode.Parse(body)!["ids"]!.AsArray().Select(n => (int)n!).ToList();
            if (ids.Count > 200)
            {
                return Status(HttpStatusCode.BadRequest, "more than 200 ids");
            }

            return Json(Envelope(ids.Select(id => WorkItems.TryGetValue(id, out var w) ? WorkItemJson(w) : null)));
        }

        if ((m = WorkItemPath().Match(path)).Success)
        {
            var id = int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!WorkItems.TryGetValue(id, out var item))
            {
                return Status(HttpStatusCode.NotFound, $"TF401232: Work item {id} does not exist");
            }

            return method == HttpMethod.Get ? Json(WorkItemJson(item)) : method == HttpMethod.Patch ? Patch(item, body) : null;
        }

        if ((m = PullRequestPath().Match(path)).Success)
        {
            var number = int.Parse(m.Groups["pr"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var repo = m.Groups["repo"].Value;
            var pr = PullRequests.FirstOrDefault(p => p.Number == number
                && (string.Equals(p.RepositoryId, repo, StringComparison.OrdinalIgnoreCase) || string.Equals(p.RepositoryName, repo, StringComparison.OrdinalIgnoreCase)));
            return pr is null ? Status(HttpStatusCode.NotFound, "TF401180: pull request not found") : PullRequestRoute(method, pr, m.Groups["rest"].Value, body);
        }

        if (method == HttpMethod.Get && ItemsPath().IsMatch(path))
        {
            return Item(query);
        }

        return ListingRoute(method, path, query, body);
    }

    private static HttpResponseMessage Patch(FakeWorkItem item, string body)
    {
        foreach (var op in JsonNode.Parse(body)!.AsArray())
        {
            var path = (string)op!["path"]!;
            if ((string)op["op"]! == "test" && path == "/rev" && (int)op["value"]! != item.Rev)
            {
                return Status(HttpStatusCode.PreconditionFailed, "VS403351: rev test failed");
            }

            if (path == "/fields/System.Tags")
            {
                item.Tags = (string?)op["value"];
            }
        }

        item.Rev++;
        return Json(WorkItemJson(item));
    }

    private static JsonObject WorkItemJson(FakeWorkItem item)
    {
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.WorkItemType"] = item.Type,
            ["System.Title"] = item.Title,
            ["System.State"] = item.State,
            ["System.AreaPath"] = Project,
            ["System.TeamProject"] = Project,
            ["System.Description"] = item.Description,
        };
        if (item.Tags is not null)
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
            relations.Add(Relation("System.LinkTypes.Hierarchy-Reverse", $"{Organization}_apis/wit/workItems/{p}"));
        }

        foreach (var child in item.Children)
        {
            relations.Add(Relation("System.LinkTypes.Hierarchy-Forward", $"{Organization}_apis/wit/workItems/{child}"));
        }

        foreach (var (project, repo, number) in item.PullRequestLinks)
        {
            relations.Add(Relation("ArtifactLink", $"vstfs:///Git/PullRequestId/{project}%2F{repo}%2F{number}"));
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = item.Rev,
            ["fields"] = fields,
            ["relations"] = relations,
            ["url"] = $"{Organization}{ProjectId}/_apis/wit/workItems/{item.Id}",
        };
    }

    private static JsonObject Relation(string rel, string url) => new() { ["rel"] = rel, ["url"] = url, ["attributes"] = new JsonObject { ["isLocked"] = false } };

    [GeneratedRegex(@"^[^/]+/_apis/wit/workitemsbatch$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkItemsBatchPath();

    [GeneratedRegex(@"^[^/]+/_apis/wit/workitems/(?<id>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkItemPath();

    [GeneratedRegex(@"^[^/]+/_apis/git/repositories/(?<repo>[^/]+)/pullrequests/(?<pr>\d+)(?<rest>/.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PullRequestPath();

    [GeneratedRegex(@"^[^/]+/_apis/git/repositories/[^/]+/items$", RegexOptions.IgnoreCase)]
    private static partial Regex ItemsPath();
}
