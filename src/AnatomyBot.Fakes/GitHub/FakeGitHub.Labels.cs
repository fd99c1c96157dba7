using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Label definitions and the labels on issues and pull requests.</summary>
public sealed partial class FakeGitHub
{
    private void MapLabels()
    {
        Map(HttpMethod.Post, Repo + "/labels", r => WithRepository(r, repo =>
        {
            var name = r.Field("name");
            if (string.IsNullOrEmpty(name))
            {
                return FakeResponse.Json(FakeGitHubJson.ValidationFailed("Label", "missing_field", "name"), HttpStatusCode.UnprocessableEntity);
            }

            if (!repo.Labels.TryAdd(name, ((r.Field("color") ?? "ededed").TrimStart('#'), r.Field("description"))))
            {
                return FakeResponse.Json(FakeGitHubJson.ValidationFailed("Label", "already_exists", "name"), HttpStatusCode.UnprocessableEntity);
            }

            return Created(FakeGitHubJson.Label(Api, repo, name));
        }));
        Map(HttpMethod.Post, Repo + "/issues/{issue_number}/labels", r => WithIssue(r, "issue_number", (repo, issue) =>
        {
            // GitHub adds labels the repository does not define yet, with the default colour.
            foreach (var name in LabelNames(r.Json).Where(n => !issue.Labels.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                repo.Labels.TryAdd(name, ("ededed", null));
                issue.Labels.Add(name);
            }

            return FakeResponse.Json(FakeGitHubJson.Labels(Api, repo, issue.Labels));
        }));
        Map(HttpMethod.Delete, Repo + "/issues/{issue_number}/labels/{name}", r => WithIssue(r, "issue_number", (repo, issue) =>
            issue.Labels.RemoveAll(l => string.Equals(l, r.Route("name"), StringComparison.OrdinalIgnoreCase)) == 0
                ? FakeResponse.Json(FakeGitHubJson.Error("Label does not exist", 404), HttpStatusCode.NotFound)
                : FakeResponse.Json(FakeGitHubJson.Labels(Api, repo, issue.Labels))));
    }

    /// <summary>The label names of a request: GitHub accepts <c>{"labels": [...]}</c> or a bare array, of names or of
    /// <c>{"name": …}</c> objects.</summary>
    private static List<string> LabelNames(JsonNode? json)
    {
        var array = json as JsonArray ?? json?["labels"] as JsonArray ?? [];
        return [.. array.Select(n => n is JsonObject o ? (string?)o["name"] : n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>().Where(n => n.Length > 0)];
    }
}
