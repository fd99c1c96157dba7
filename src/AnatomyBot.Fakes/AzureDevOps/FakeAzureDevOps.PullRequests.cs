using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>Pull requests: details, the project's list, linked work items, iterations and their changes, comment threads
/// (with replies in a thread) and iteration statuses.</summary>
public sealed partial class FakeAzureDevOps
{
    private const string Pr = "git/repositories/{repositoryId}/pullRequests/{pullRequestId}";

    private void MapPullRequests()
    {
        MapApi(HttpMethod.Get, "git/pullrequests", r =>
        {
            var status = r.QueryValue("searchCriteria.status") ?? "active";
            var skip = r.QueryNumber("$skip") ?? 0;
            var top = r.QueryNumber("$top") ?? 101;
            var project = ProjectName(r.Route("project"));
            return FakeResponse.Json(FakeAzureDevOpsJson.Envelope(PullRequests
                .Where(p => string.Equals(Repository(p.RepositoryName).Project ?? Project, project, StringComparison.OrdinalIgnoreCase))
                .Where(p => status == "all" || p.Status == status)
                .Skip(skip).Take(top).Select(p => (JsonNode)PullRequestJson(p))));
        });
        MapApi(HttpMethod.Get, "git/repositories/{repositoryId}/pullrequests/{pullRequestId}", r => WithPullRequest(r, pr => FakeResponse.Json(PullRequestJson(pr))));
        MapApi(HttpMethod.Get, Pr + "/workitems", r => WithPullRequest(r, pr => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(
            pr.WorkItemIds.Select(id => (JsonNode)new JsonObject { ["id"] = id.ToString(CultureInfo.InvariantCulture), ["url"] = WorkItemUrl(id) })))));
        MapApi(HttpMethod.Get, Pr + "/iterations", r => WithPullRequest(r, pr => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(
            Enumerable.Range(1, pr.Iterations).Select(i => (JsonNode)FakeAzureDevOpsJson.Iteration(i, pr))))));
        MapApi(HttpMethod.Get, Pr + "/iterations/{iterationId}/changes", r => WithPullRequest(r, pr =>
            r.Number("iterationId") is { } iteration && iteration >= 1 && iteration <= pr.Iterations
                ? FakeResponse.Json(FakeAzureDevOpsJson.Changes(pr.ChangedPaths))
                : Error(HttpStatusCode.NotFound, $"TF401175: The iteration {r.Route("iterationId")} cannot be found.")));
        MapApi(HttpMethod.Get, Pr + "/threads", r => WithPullRequest(r, pr => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(pr.Threads.Select(t => (JsonNode)FakeAzureDevOpsJson.Thread(t))))));
        MapApi(HttpMethod.Post, Pr + "/threads", r => WithPullRequest(r, pr =>
        {
            BeforeThreadCreated?.Invoke(pr);
            var thread = new FakeThread { Id = NextId(), Status = (string?)r.Json?["status"] ?? "active" };
            thread.Comments.Add(new FakeThreadComment { Id = 1, Content = (string?)r.Json?["comments"]?[0]?["content"] ?? "" });
            pr.Threads.Add(thread);
            return FakeResponse.Json(FakeAzureDevOpsJson.Thread(thread));
        }));
        MapApi(HttpMethod.Get, Pr + "/threads/{threadId}", r => WithThread(r, thread => FakeResponse.Json(FakeAzureDevOpsJson.Thread(thread))));
        MapApi(HttpMethod.Patch, Pr + "/threads/{threadId}", r => WithThread(r, thread =>
        {
            thread.Status = (string?)r.Json?["status"] ?? thread.Status;
            return FakeResponse.Json(FakeAzureDevOpsJson.Thread(thread));
        }));
        MapApi(HttpMethod.Post, Pr + "/threads/{threadId}/comments", r => WithThread(r, thread =>
        {
            var comment = new FakeThreadComment
            {
                Id = thread.Comments.Count == 0 ? 1 : thread.Comments.Max(c => c.Id) + 1,
                Content = (string?)r.Json?["content"] ?? "",
                ParentCommentId = (int?)r.Json?["parentCommentId"] ?? 0,
            };
            thread.Comments.Add(comment);
            return FakeResponse.Json(FakeAzureDevOpsJson.Comment(comment));
        }));
        MapApi(HttpMethod.Patch, Pr + "/threads/{threadId}/comments/{commentId}", r => WithComment(r, includeDeleted: true, comment =>
        {
            comment.Content = (string?)r.Json?["content"] ?? comment.Content;
            return FakeResponse.Json(FakeAzureDevOpsJson.Comment(comment));
        }));
        MapApi(HttpMethod.Delete, Pr + "/threads/{threadId}/comments/{commentId}", r => WithComment(r, includeDeleted: false, comment =>
        {
            comment.IsDeleted = true;
            return new FakeResponse(HttpStatusCode.OK);
        }));
        MapApi(HttpMethod.Get, Pr + "/iterations/{iterationId}/statuses", r => WithPullRequest(r, pr => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(
            pr.Statuses.Where(s => s.IterationId == r.Number("iterationId")).Select(s => (JsonNode)FakeAzureDevOpsJson.Status(s))))));
        MapApi(HttpMethod.Post, Pr + "/iterations/{iterationId}/statuses", r => WithPullRequest(r, pr =>
        {
            var status = new FakePullRequestStatus(
                NextId(), (int)(r.Number("iterationId") ?? 0), (string?)r.Json?["state"] ?? "notSet", (string?)r.Json?["description"] ?? "",
                (string?)r.Json?["context"]?["genre"] ?? "", (string?)r.Json?["context"]?["name"] ?? "");
            pr.Statuses.Add(status);
            return FakeResponse.Json(FakeAzureDevOpsJson.Status(status));
        }));
    }

    private FakeResponse WithPullRequest(FakeRequest request, Func<FakePullRequest, FakeResponse> answer)
    {
        var repository = FindRepository(request.Route("repositoryId"));
        var number = request.Number("pullRequestId");
        return repository is not null && PullRequests.FirstOrDefault(p => p.Number == number && string.Equals(p.RepositoryName, repository.Name, StringComparison.OrdinalIgnoreCase)) is { } pr
            ? answer(pr)
            : Error(HttpStatusCode.NotFound, $"TF401180: The requested pull request was not found.");
    }

    private FakeResponse WithThread(FakeRequest request, Func<FakeThread, FakeResponse> answer) =>
        WithPullRequest(request, pr => pr.Threads.FirstOrDefault(t => t.Id == request.Number("threadId")) is { } thread
            ? answer(thread)
            : Error(HttpStatusCode.NotFound, $"TF401181: The thread {request.Route("threadId")} cannot be found."));

    private FakeResponse WithComment(FakeRequest request, bool includeDeleted, Func<FakeThreadComment, FakeResponse> answer) =>
        WithThread(request, thread => thread.Comments.FirstOrDefault(c => c.Id == request.Number("commentId") && (includeDeleted || !c.IsDeleted)) is { } comment
            ? answer(comment)
            : Error(HttpStatusCode.NotFound, $"TF401182: The comment {request.Route("commentId")} cannot be found."));

    /// <summary>The pull request as the REST API (and service hook payloads) show it.</summary>
    public JsonObject PullRequestJson(FakePullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        return FakeAzureDevOpsJson.PullRequest(Api, this, Repository(pr.RepositoryName), pr);
    }
}
