using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>The Azure DevOps REST routes the channel uses for work items and repository files (api-version 7.1),
/// answered from <see cref="FakeAzureDevOps"/>. Like the service, every route needs <c>api-version=7.1</c> and a known
/// organisation and project; a tag write is guarded by the JSON Patch <c>test /rev</c> (412 when it no longer holds).</summary>
internal static class FakeAzureDevOpsRoutes
{
    public static void Map(IEndpointRouteBuilder app, FakeAzureDevOps ado, Func<string> baseUrl)
    {
        var api = app.MapGroup("/{organization}/{project}/_apis").AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (request.Query["api-version"] != "7.1")
            {
                return Error(400, "VS403446: api-version 7.1 is required");
            }

            var values = request.RouteValues;
            return string.Equals(values["organization"] as string, ado.Organization, StringComparison.OrdinalIgnoreCase) && ado.IsProject(values["project"] as string ?? "")
                ? await next(context)
                : Error(404, "TF200016: The project does not exist");
        });
        api.MapPost("/wit/workitemsbatch", async (HttpRequest request) =>
        {
            var ids = (await FakeAzureDevOpsRoutes.ReadAsync(request))?["ids"]?.AsArray().Select(n => n!.GetValue<int>()).ToList() ?? [];
            lock (ado.Gate)
            {
                return ids.Count > 200
                    ? Error(400, "VS402337: more than 200 ids")
                    : Results.Json(FakeAzureDevOpsJson.Envelope(ids.Select(id => ado.WorkItems.TryGetValue(id, out var w) ? FakeAzureDevOpsJson.WorkItem(baseUrl(), ado, w) : null)));
            }
        });
        api.MapGet("/wit/workitems/{id:int}", (int id) => WithWorkItem(ado, id, w => Results.Json(FakeAzureDevOpsJson.WorkItem(baseUrl(), ado, w))));
        api.MapPatch("/wit/workitems/{id:int}", async (int id, HttpRequest request) =>
        {
            var patch = await FakeAzureDevOpsRoutes.ReadAsync(request) as JsonArray ?? [];
            return WithWorkItem(ado, id, item =>
            {
                if (patch.Any(op => (string?)op?["op"] == "test" && (string?)op["path"] == "/rev" && (int?)op["value"] != item.Rev))
                {
                    return Error(412, "VS403351: the work item has changed since it was read");
                }

                foreach (var op in patch.Where(op => (string?)op?["op"] is "add" or "replace" && (string?)op["path"] == "/fields/System.Tags"))
                {
                    item.Tags = (string?)op!["value"];
                }

                item.Rev++;
                ado.RecordWrite("PATCH", request.Path);
                return Results.Json(FakeAzureDevOpsJson.WorkItem(baseUrl(), ado, item));
            });
        });
        api.MapGet("/git/repositories/{repository}/items", (string repository, string path) =>
        {
            lock (ado.Gate)
            {
                return ado.RepositoryName(repository) is { } name && ado.Files.TryGetValue((name, path), out var text)
                    ? Results.Json(new JsonObject { ["objectId"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 20)), ["path"] = path, ["isFolder"] = false, ["content"] = text })
                    : Error(404, $"TF401174: The item '{path}' could not be found in the repository '{repository}'");
            }
        });
        FakeAzureDevOpsPullRequestRoutes.Map(api, ado, baseUrl);
    }

    internal static async Task<JsonNode?> ReadAsync(HttpRequest request) => await JsonNode.ParseAsync(request.Body);

    internal static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["$id"] = "1", ["message"] = message, ["typeKey"] = "FakeAzureDevOpsException" }, statusCode: status);

    private static IResult WithWorkItem(FakeAzureDevOps ado, int id, Func<FakeWorkItem, IResult> answer)
    {
        lock (ado.Gate)
        {
            return ado.WorkItems.TryGetValue(id, out var item) ? answer(item) : Error(404, $"TF401232: Work item {id} does not exist");
        }
    }
}
