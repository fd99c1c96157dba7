using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.AzureDevOps.Tests.Fakes;

internal sealed partial class FakeAzureDevOps
{
    private HttpResponseMessage? PullRequestRoute(HttpMethod method, FakePullRequest pr, string rest, string body)
    {
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var get = method == HttpMethod.Get;
        return parts switch
        {
            [] when get => Json(PullRequestJson(pr)),
            ["workitems"] when get => Json(Envelope(pr.WorkItemIds.Select(id => (JsonNode)new JsonObject { ["id"] = id.ToString(CultureInfo.InvariantCulture), ["url"] = $"{Organization}_apis/wit/workItems/{id}" }))),
            ["iterations"] when get => Json(Envelope(Enumerable.Range(1, pr.Iterations).Select(i => (JsonNode)new JsonObject { ["id"] = i }))),
            ["iterations", var it, "changes"] when get && int.Parse(it, CultureInfo.InvariantCulture) <= pr.Iterations => Json(new JsonObject
            {
                ["changeEntries"] = List(pr.ChangedPaths.Select(p => (JsonNode)new JsonObject { ["changeType"] = "edit", ["item"] = new JsonObject { ["path"] = "/" + p } })),
            }),
            ["iterations", var it, "statuses"] when get => Json(Envelope(pr.Statuses.Where(s => s.IterationId.ToString(CultureInfo.InvariantCulture) == it).Select(StatusJson))),
            ["iterations", var it, "statuses"] when method == HttpMethod.Post => AddStatus(pr, int.Parse(it, CultureInfo.InvariantCulture), JsonNode.Parse(body)!),
            ["threads"] when get => Json(Envelope(pr.Threads.Select(ThreadJson))),
            ["threads"] when method == HttpMethod.Post => AddThread(pr, JsonNode.Parse(body)!),
            ["threads", var t] => Thread(pr, t) is not { } thread ? Status(HttpStatusCode.NotFound)
                : get ? Json(ThreadJson(thread))
                : method == HttpMethod.Patch ? SetThreadStatus(thread, JsonNode.Parse(body)!) : null,
            ["threads", var t, "comments", var c] when method == HttpMethod.Patch => Thread(pr, t)?.Comments.FirstOrDefault(x => x.Id.ToString(CultureInfo.InvariantCulture) == c) is { } comment
                ? SetComment(comment, JsonNode.Parse(body)!)
                : Status(HttpStatusCode.NotFound),
            ["threads", var t, "comments", var c] when method == HttpMethod.Delete => Thread(pr, t)?.Comments.FirstOrDefault(x => x.Id.ToString(CultureInfo.InvariantCulture) == c && !x.IsDeleted) is { } comment
                ? DeleteComment(comment)
                : Status(HttpStatusCode.NotFound),
            _ => null,
        };
    }

    private static FakeThread? Thread(FakePullRequest pr, string id) => pr.Threads.FirstOrDefault(t => t.Id.ToString(CultureInfo.InvariantCulture) == id);

    private HttpResponseMessage AddStatus(FakePullRequest pr, int iteration, JsonNode body)
    {
        var status = new FakeStatus(NextId(), iteration, (string)body["state"]!, (string?)body["description"] ?? "", (string)body["context"]!["genre"]!, (string)body["context"]!["name"]!);
        pr.Statuses.Add(status);
        return Json(StatusJson(status));
    }

    /// <summary>Called with the pull request just before a thread is created: another worker creating its own thread at
    /// that moment.</summary>
    public Action<FakePullRequest>? BeforeThreadCreated { get; set; }

    private static HttpResponseMessage DeleteComment(FakeComment comment)
    {
        comment.IsDeleted = true;
        return Status(HttpStatusCode.OK);
    }

    private HttpResponseMessage AddThread(FakePullRequest pr, JsonNode body)
    {
        BeforeThreadCreated?.Invoke(pr);
        var thread = new FakeThread { Id = NextId(), Status = (string?)body["status"] ?? "active" };
        thread.Comments.Add(new FakeComment { Id = 1, Content = (string)body["comments"]![0]!["content"]! });
        pr.Threads.Add(thread);
        return Json(ThreadJson(thread));
    }

    private static HttpResponseMessage SetThreadStatus(FakeThread thread, JsonNode body)
    {
        thread.Status = (string)body["status"]!;
        return Json(ThreadJson(thread));
    }

    private static HttpResponseMessage SetComment(FakeComment comment, JsonNode body)
    {
        comment.Content = (string)body["content"]!;
        return Json(new JsonObject { ["id"] = comment.Id, ["content"] = comment.Content });
    }

    internal static JsonObject PullRequestJson(FakePullRequest pr) => new()
    {
        ["pullRequestId"] = pr.Number,
        ["status"] = pr.Status,
        ["title"] = pr.Title,
        ["description"] = pr.Description,
        ["isDraft"] = false,
        ["createdBy"] = new JsonObject { ["displayName"] = "Dev", ["uniqueName"] = pr.Author },
        ["repository"] = new JsonObject
        {
            ["id"] = pr.RepositoryId,
            ["name"] = pr.RepositoryName,
            ["webUrl"] = $"{Organization}{Project}/_git/{pr.RepositoryName}",
            ["project"] = new JsonObject { ["id"] = pr.ProjectId, ["name"] = Project },
        },
        ["sourceRefName"] = "refs/heads/feature",
        ["targetRefName"] = "refs/heads/main",
        ["labels"] = List(pr.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l, ["active"] = true })),
    };

    private static JsonObject StatusJson(FakeStatus s) => new()
    {
        ["id"] = s.Id,
        ["iterationId"] = s.IterationId,
        ["state"] = s.State,
        ["description"] = s.Description,
        ["context"] = new JsonObject { ["genre"] = s.Genre, ["name"] = s.Name },
    };

    private static JsonObject ThreadJson(FakeThread t) => new()
    {
        ["id"] = t.Id,
        ["status"] = t.Status,
        ["isDeleted"] = t.IsDeleted,
        ["comments"] = List(t.Comments.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["parentCommentId"] = 0,
            ["content"] = c.Content,
            ["commentType"] = "text",
            ["isDeleted"] = c.IsDeleted,
        })),
    };
}
