using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>The GitHub REST routes the channel uses, answered from <see cref="FakeGitHub"/>. Writes change the state, so
/// the next read sees them (that is what makes reconcile idempotent against it, as against GitHub).</summary>
internal static class FakeGitHubRoutes
{
    private const string Repo = "/repos/{owner}/{repo}";

    public static void Map(IEndpointRouteBuilder app, FakeGitHub hub, Func<string> baseUrl)
    {
        app.MapGet(Repo, (string owner, string repo) => With(hub, owner, repo, r => Results.Json(FakeGitHubJson.Repository(baseUrl(), r))));
        app.MapGet(Repo + "/issues/{number:int}", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (r, i) => Results.Json(FakeGitHubJson.Issue(baseUrl(), r, i))));
        app.MapGet(Repo + "/issues/{number:int}/parent", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (r, i) => i.Parent is { } p && r.Issues.TryGetValue(p, out var parent)
                ? Results.Json(FakeGitHubJson.Issue(baseUrl(), r, parent))
                : NotFound()));
        app.MapGet(Repo + "/issues/{number:int}/timeline", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (r, i) => Results.Json(Timeline(baseUrl(), r, i))));
        app.MapGet(Repo + "/pulls/{number:int}", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (r, i) => i.IsPullRequest ? Results.Json(FakeGitHubJson.PullRequest(baseUrl(), r, i)) : NotFound()));
        app.MapGet(Repo + "/pulls/{number:int}/files", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (_, i) => Results.Json(new JsonArray([.. i.Files.Select(f => (JsonNode)new JsonObject
            {
                ["sha"] = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f",
                ["filename"] = f,
                ["status"] = "modified",
                ["additions"] = 10,
                ["deletions"] = 2,
                ["changes"] = 12,
            })]))));
        app.MapGet(Repo + "/pulls", (string owner, string repo) => With(hub, owner, repo, r => Results.Json(new JsonArray([..
            r.Issues.Values.Where(i => i.IsPullRequest && i.State == "open").Select(i => (JsonNode)FakeGitHubJson.PullRequest(baseUrl(), r, i))]))));
        app.MapGet(Repo + "/issues/{number:int}/comments", (string owner, string repo, int number) =>
            WithIssue(hub, owner, repo, number, (r, i) => Results.Json(new JsonArray([.. i.Comments.Select(c => (JsonNode)FakeGitHubJson.Comment(baseUrl(), r, number, c))]))));
        app.MapPost(Repo + "/issues/{number:int}/comments", async (string owner, string repo, int number, HttpRequest request) =>
        {
            var body = (await ReadAsync(request))?["body"]?.GetValue<string>() ?? "";
            return WithIssue(hub, owner, repo, number, (r, i) =>
            {
                var comment = new FakeComment(hub.NextId(), body, "anatomybot[bot]");
                i.Comments.Add(comment);
                hub.RecordWrite("POST", request.Path);
                return Results.Json(FakeGitHubJson.Comment(baseUrl(), r, number, comment), statusCode: 201);
            });
        });
        app.MapPatch(Repo + "/issues/comments/{id:long}", async (string owner, string repo, long id, HttpRequest request) =>
        {
            var body = (await ReadAsync(request))?["body"]?.GetValue<string>() ?? "";
            return With(hub, owner, repo, r =>
            {
                foreach (var issue in r.Issues.Values)
                {
                    var index = issue.Comments.FindIndex(c => c.Id == id);
                    if (index >= 0)
                    {
                        issue.Comments[index] = issue.Comments[index] with { Body = body };
                        hub.RecordWrite("PATCH", request.Path);
                        return Results.Json(FakeGitHubJson.Comment(baseUrl(), r, issue.Number, issue.Comments[index]));
                    }
                }

                return NotFound();
            });
        });
        FakeGitHubLabelRoutes.Map(app, hub);
        FakeGitHubCheckRoutes.Map(app, hub, baseUrl);
        app.MapGet(Repo + "/contents/{**path}", (string owner, string repo, string path) => With(hub, owner, repo, r =>
            r.Files.TryGetValue(path, out var text)
                ? Results.Json(new JsonObject
                {
                    ["type"] = "file",
                    ["encoding"] = "base64",
                    ["name"] = Path.GetFileName(path),
                    ["path"] = path,
                    ["size"] = Encoding.UTF8.GetByteCount(text),
                    ["sha"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 20)),
                    ["content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
                    ["url"] = $"{baseUrl()}repos/{r.FullName}/contents/{path}",
                    ["html_url"] = $"https://github.com/{r.FullName}/blob/main/{path}",
                    ["download_url"] = $"https://raw.githubusercontent.com/{r.FullName}/main/{path}",
                })
                : NotFound()));
    }

    internal static IResult NotFound() => Results.Json(new { message = "Not Found" }, statusCode: 404);

    internal static IResult With(FakeGitHub hub, string owner, string repo, Func<FakeGitHubRepository, IResult> answer)
    {
        lock (hub.Gate)
        {
            return hub.Repositories.TryGetValue($"{owner}/{repo}", out var r) ? answer(r) : NotFound();
        }
    }

    internal static IResult WithIssue(FakeGitHub hub, string owner, string repo, int number, Func<FakeGitHubRepository, FakeIssue, IResult> answer) =>
        With(hub, owner, repo, r => r.Issues.TryGetValue(number, out var issue) ? answer(r, issue) : NotFound());

    internal static async Task<JsonNode?> ReadAsync(HttpRequest request) => await JsonNode.ParseAsync(request.Body);

    /// <summary>Cross-references: the open pull requests whose body mentions the issue (what GitHub's timeline shows).</summary>
    private static JsonArray Timeline(string baseUrl, FakeGitHubRepository repo, FakeIssue issue) =>
    [
        .. repo.Issues.Values
            .Where(p => p.IsPullRequest && p.Number != issue.Number && p.Body.Contains($"#{issue.Number}", StringComparison.Ordinal))
            .Select(p => (JsonNode)new JsonObject
            {
                ["event"] = "cross-referenced",
                ["created_at"] = "2026-11-16T09:00:00Z",
                ["source"] = new JsonObject { ["type"] = "issue", ["issue"] = FakeGitHubJson.Issue(baseUrl, repo, p) },
            }),
    ];
}
