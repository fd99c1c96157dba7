using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>Pull-request routes: details, linked work items, iterations and their changes, comment threads and iteration
/// statuses. Writes change the state, so the next read sees them.</summary>
internal static class FakeAzureDevOpsPullRequestRoutes
{
    private const string PullRequest = "/git/repositories/{repository}/pullRequests/{id:int}";

    public static void Map(RouteGroupBuilder api, FakeAzureDevOps ado, Func<string> baseUrl)
    {
        api.MapGet(PullRequest, (string repository, int id) =>
            With(ado, repository, id, (name, pr) => Results.Json(FakeAzureDevOpsJson.PullRequest(baseUrl(), ado, name, pr))));
        api.MapGet(PullRequest + "/workitems", (string repository, int id) => With(ado, repository, id, (_, pr) => Results.Json(
            FakeAzureDevOpsJson.Envelope(pr.WorkItems.Select(w => (JsonNode)new JsonObject { ["id"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture), ["url"] = FakeAzureDevOpsJson.WorkItemUrl(baseUrl(), ado, w) })))));
        api.MapGet(PullRequest + "/iterations", (string repository, int id) => With(ado, repository, id, (_, pr) => Results.Json(
            FakeAzureDevOpsJson.Envelope(Enumerable.Range(1, pr.Iterations).Select(i => (JsonNode)new JsonObject { ["id"] = i })))));
        api.MapGet(PullRequest + "/iterations/{iteration:int}/changes", (string repository, int id, int iteration) => With(ado, repository, id, (_, pr) =>
            iteration > pr.Iterations
                ? FakeAzureDevOpsRoutes.Error(404, "TF401175: iteration not found")
                : Results.Json(new JsonObject
                {
                    ["changeEntries"] = new JsonArray([.. pr.Files.Select(f => (JsonNode)new JsonObject
                    {
                        ["changeType"] = "edit",
                        ["item"] = new JsonObject { ["path"] = "/" + f, ["isFolder"] = false },
                    })]),
                })));
        api.MapGet(PullRequest + "/threads", (string repository, int id) => With(ado, repository, id, (_, pr) =>
            Results.Json(FakeAzureDevOpsJson.Envelope(pr.Threads.Select(t => (JsonNode)FakeAzureDevOpsJson.Thread(t))))));
        api.MapGet(PullRequest + "/threads/{thread:int}", (string repository, int id, int thread) => With(ado, repository, id, (_, pr) =>
            pr.Threads.FirstOrDefault(t => t.Id == thread) is { } found ? Results.Json(FakeAzureDevOpsJson.Thread(found)) : FakeAzureDevOpsRoutes.Error(404, "thread not found")));
        api.MapPost(PullRequest + "/threads", async (string repository, int id, HttpRequest request) =>
        {
            var body = await FakeAzureDevOpsRoutes.ReadAsync(request);
            return With(ado, repository, id, (_, pr) =>
            {
                var thread = new FakeAzureThread { Id = ado.NextId(), Status = (string?)body?["status"] ?? "active" };
                thread.Comments.Add(new FakeAzureComment { Id = 1, Content = (string?)body?["comments"]?[0]?["content"] ?? "" });
                pr.Threads.Add(thread);
                ado.RecordWrite("POST", request.Path);
                return Results.Json(FakeAzureDevOpsJson.Thread(thread));
            });
        });
        api.MapPatch(PullRequest + "/threads/{thread:int}", async (string repository, int id, int thread, HttpRequest request) =>
        {
            var status = (string?)(await FakeAzureDevOpsRoutes.ReadAsync(request))?["status"];
            return WithThread(ado, repository, id, thread, t =>
            {
                t.Status = status ?? t.Status;
                ado.RecordWrite("PATCH", request.Path);
                return Results.Json(FakeAzureDevOpsJson.Thread(t));
            });
        });
        api.MapPatch(PullRequest + "/threads/{thread:int}/comments/{comment:int}", async (string repository, int id, int thread, int comment, HttpRequest request) =>
        {
            var content = (string?)(await FakeAzureDevOpsRoutes.ReadAsync(request))?["content"];
            return WithThread(ado, repository, id, thread, t =>
            {
                if (t.Comments.FirstOrDefault(c => c.Id == comment) is not { } found)
                {
                    return FakeAzureDevOpsRoutes.Error(404, "comment not found");
                }

                found.Content = content ?? found.Content;
                ado.RecordWrite("PATCH", request.Path);
                return Results.Json(FakeAzureDevOpsJson.Comment(found));
            });
        });
        api.MapGet(PullRequest + "/iterations/{iteration:int}/statuses", (string repository, int id, int iteration) => With(ado, repository, id, (_, pr) =>
            Results.Json(FakeAzureDevOpsJson.Envelope(pr.Statuses.Where(s => s.IterationId == iteration).Select(s => (JsonNode)FakeAzureDevOpsJson.Status(s))))));
        api.MapPost(PullRequest + "/iterations/{iteration:int}/statuses", async (string repository, int id, int iteration, HttpRequest request) =>
        {
            var body = await FakeAzureDevOpsRoutes.ReadAsync(request);
            return With(ado, repository, id, (_, pr) =>
            {
                var status = new FakeAzureStatus(
                    ado.NextId(), iteration, (string?)body?["state"] ?? "notSet", (string?)body?["description"] ?? "",
                    (string?)body?["context"]?["genre"] ?? "", (string?)body?["context"]?["name"] ?? "");
                pr.Statuses.Add(status);
                ado.RecordWrite("POST", request.Path);
                return Results.Json(FakeAzureDevOpsJson.Status(status));
            });
        });
    }

    private static IResult With(FakeAzureDevOps ado, string repository, int id, Func<string, FakeAzurePullRequest, IResult> answer)
    {
        lock (ado.Gate)
        {
            return ado.RepositoryName(repository) is { } name && ado.PullRequests.TryGetValue(id, out var pr)
                ? answer(name, pr)
                : FakeAzureDevOpsRoutes.Error(404, $"TF401180: The requested pull request was not found");
        }
    }

    private static IResult WithThread(FakeAzureDevOps ado, string repository, int id, int thread, Func<FakeAzureThread, IResult> answer) =>
        With(ado, repository, id, (_, pr) => pr.Threads.FirstOrDefault(t => t.Id == thread) is { } found ? answer(found) : FakeAzureDevOpsRoutes.Error(404, "thread not found"));
}
