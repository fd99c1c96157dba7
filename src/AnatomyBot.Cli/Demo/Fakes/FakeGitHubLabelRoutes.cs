using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>Label definitions and labels on issues and pull requests.</summary>
internal static class FakeGitHubLabelRoutes
{
    private const string Repo = "/repos/{owner}/{repo}";

    public static void Map(IEndpointRouteBuilder app, FakeGitHub hub)
    {
        app.MapGet(Repo + "/labels", (string owner, string repo) => FakeGitHubRoutes.With(hub, owner, repo, r =>
            Results.Json(FakeGitHubJson.Labels(r, r.Labels.Keys))));
        app.MapGet(Repo + "/labels/{name}", (string owner, string repo, string name) => FakeGitHubRoutes.With(hub, owner, repo, r =>
            r.Labels.ContainsKey(name) ? Results.Json(FakeGitHubJson.Label(r, name)) : FakeGitHubRoutes.NotFound()));
        app.MapPost(Repo + "/labels", async (string owner, string repo, HttpRequest request) =>
        {
            var json = await FakeGitHubRoutes.ReadAsync(request);
            var name = json?["name"]?.GetValue<string>() ?? "";
            return FakeGitHubRoutes.With(hub, owner, repo, r =>
            {
                if (!r.Labels.TryAdd(name, (json?["color"]?.GetValue<string>() ?? "ededed", json?["description"]?.GetValue<string>() ?? "")))
                {
                    return Results.Json(new { message = "Validation Failed", errors = new[] { new { resource = "Label", code = "already_exists", field = "name" } } }, statusCode: 422);
                }

                hub.RecordWrite("POST", request.Path);
                return Results.Json(FakeGitHubJson.Label(r, name), statusCode: 201);
            });
        });
        app.MapGet(Repo + "/issues/{number:int}/labels", (string owner, string repo, int number) =>
            FakeGitHubRoutes.WithIssue(hub, owner, repo, number, (r, i) => Results.Json(FakeGitHubJson.Labels(r, i.Labels))));
        app.MapPost(Repo + "/issues/{number:int}/labels", async (string owner, string repo, int number, HttpRequest request) =>
        {
            var names = LabelNames(await FakeGitHubRoutes.ReadAsync(request));
            return FakeGitHubRoutes.WithIssue(hub, owner, repo, number, (r, i) =>
            {
                foreach (var name in names.Where(n => !i.Labels.Contains(n, StringComparer.OrdinalIgnoreCase)))
                {
                    i.Labels.Add(name);
                    r.Labels.TryAdd(name, ("ededed", ""));
                }

                hub.RecordWrite("POST", request.Path);
                return Results.Json(FakeGitHubJson.Labels(r, i.Labels));
            });
        });
        app.MapPut(Repo + "/issues/{number:int}/labels", async (string owner, string repo, int number, HttpRequest request) =>
        {
            var names = LabelNames(await FakeGitHubRoutes.ReadAsync(request));
            return FakeGitHubRoutes.WithIssue(hub, owner, repo, number, (r, i) =>
            {
                i.Labels.Clear();
                i.Labels.AddRange(names);
                hub.RecordWrite("PUT", request.Path);
                return Results.Json(FakeGitHubJson.Labels(r, i.Labels));
            });
        });
        app.MapDelete(Repo + "/issues/{number:int}/labels/{name}", (string owner, string repo, int number, string name, HttpRequest request) =>
            FakeGitHubRoutes.WithIssue(hub, owner, repo, number, (r, i) =>
            {
                if (i.Labels.RemoveAll(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)) == 0)
                {
                    return Results.Json(new { message = "Label does not exist" }, statusCode: 404);
                }

                hub.RecordWrite("DELETE", request.Path);
                return Results.Json(FakeGitHubJson.Labels(r, i.Labels));
            }));
    }

    /// <summary>GitHub accepts <c>{"labels": [...]}</c> or a bare array.</summary>
    private static List<string> LabelNames(JsonNode? json)
    {
        var array = json as JsonArray ?? json?["labels"] as JsonArray ?? [];
        return [.. array.Select(n => n is JsonObject o ? o["name"]?.GetValue<string>() ?? "" : n?.GetValue<string>() ?? "").Where(n => n.Length > 0)];
    }
}
