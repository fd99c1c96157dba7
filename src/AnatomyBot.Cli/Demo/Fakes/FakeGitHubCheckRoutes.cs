using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>Check runs: create, update, and list by commit (optionally by <c>check_name</c>).</summary>
internal static class FakeGitHubCheckRoutes
{
    private const string Repo = "/repos/{owner}/{repo}";

    public static void Map(IEndpointRouteBuilder app, FakeGitHub hub, Func<string> baseUrl)
    {
        app.MapGet(Repo + "/commits/{sha}/check-runs", (string owner, string repo, string sha, string? check_name) =>
            FakeGitHubRoutes.With(hub, owner, repo, r =>
            {
                var runs = r.CheckRuns.Where(c => c.HeadSha == sha && (check_name is null || c.Name == check_name)).Reverse().ToList();
                return Results.Json(new JsonObject
                {
                    ["total_count"] = runs.Count,
                    ["check_runs"] = new JsonArray([.. runs.Select(c => (JsonNode)FakeGitHubJson.CheckRun(baseUrl(), r, c))]),
                });
            }));
        app.MapPost(Repo + "/check-runs", async (string owner, string repo, HttpRequest request) =>
        {
            var json = await FakeGitHubRoutes.ReadAsync(request);
            return FakeGitHubRoutes.With(hub, owner, repo, r =>
            {
                var run = Apply(new FakeCheckRun(hub.NextId(), json?["name"]?.GetValue<string>() ?? "", json?["head_sha"]?.GetValue<string>() ?? "", "queued", null, "", ""), json);
                r.CheckRuns.Add(run);
                hub.RecordWrite("POST", request.Path);
                return Results.Json(FakeGitHubJson.CheckRun(baseUrl(), r, run), statusCode: 201);
            });
        });
        app.MapPatch(Repo + "/check-runs/{id:long}", async (string owner, string repo, long id, HttpRequest request) =>
        {
            var json = await FakeGitHubRoutes.ReadAsync(request);
            return FakeGitHubRoutes.With(hub, owner, repo, r =>
            {
                var index = r.CheckRuns.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    return FakeGitHubRoutes.NotFound();
                }

                r.CheckRuns[index] = Apply(r.CheckRuns[index], json);
                hub.RecordWrite("PATCH", request.Path);
                return Results.Json(FakeGitHubJson.CheckRun(baseUrl(), r, r.CheckRuns[index]));
            });
        });
    }

    private static FakeCheckRun Apply(FakeCheckRun run, JsonNode? json) => run with
    {
        Status = json?["status"]?.GetValue<string>() ?? (json?["conclusion"] is not null ? "completed" : run.Status),
        Conclusion = json?["conclusion"]?.GetValue<string>() ?? run.Conclusion,
        Title = json?["output"]?["title"]?.GetValue<string>() ?? run.Title,
        Summary = json?["output"]?["summary"]?.GetValue<string>() ?? run.Summary,
    };
}
