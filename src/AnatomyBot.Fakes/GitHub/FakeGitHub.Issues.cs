using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Issues (listing, reading, creating, editing, sub-issue parent, timeline) and their comments.</summary>
public sealed partial class FakeGitHub
{
    private const string Repo = "/repos/{owner}/{repo}";

    private void MapIssues()
    {
        Map(HttpMethod.Get, Repo + "/issues", r => WithRepository(r, repo => Page(r, ListIssues(r, repo))));
        Map(HttpMethod.Post, Repo + "/issues", r => WithRepository(r, repo => Created(CreateIssue(repo, r))));
        Map(HttpMethod.Get, Repo + "/issues/{issue_number}", r => WithIssue(r, "issue_number", (repo, issue) =>
            FakeResponse.Json(FakeGitHubJson.Issue(Api, repo, issue, IssuesCarryParentUrl))));
        Map(HttpMethod.Patch, Repo + "/issues/{issue_number}", r => WithIssue(r, "issue_number", (repo, issue) =>
            FakeResponse.Json(FakeGitHubJson.Issue(Api, repo, EditIssue(issue, r), IssuesCarryParentUrl))));
        Map(HttpMethod.Get, Repo + "/issues/{issue_number}/parent", r => WithIssue(r, "issue_number", (repo, issue) =>
            issue.Parent is { } parent && repo.Issues.TryGetValue(parent, out var found)
                ? FakeResponse.Json(FakeGitHubJson.Issue(Api, repo, found, IssuesCarryParentUrl))
                : NotFound()));
        Map(HttpMethod.Get, Repo + "/issues/{issue_number}/timeline", r => WithIssue(r, "issue_number", (repo, issue) =>
            Page(r, [.. MentionsOf(repo, issue).Select(pr => (JsonNode)FakeGitHubJson.CrossReference(Api, repo, pr))])));
        Map(HttpMethod.Get, Repo + "/issues/{issue_number}/comments", r => WithIssue(r, "issue_number", (repo, issue) =>
            Page(r, [.. issue.Comments.Select(c => (JsonNode)FakeGitHubJson.Comment(Api, repo, issue, c))])));
        Map(HttpMethod.Post, Repo + "/issues/{issue_number}/comments", r => WithIssue(r, "issue_number", (repo, issue) =>
        {
            if (r.Field("body") is not { } body)
            {
                return FakeResponse.Json(FakeGitHubJson.ValidationFailed("IssueComment", "missing_field", "body"), HttpStatusCode.UnprocessableEntity);
            }

            BeforeCommentCreated?.Invoke(repo, issue);
            return Created(FakeGitHubJson.Comment(Api, repo, issue, AddComment(issue, body)));
        }));
        Map(HttpMethod.Patch, Repo + "/issues/comments/{comment_id}", r => WithComment(r, (repo, issue, index) =>
        {
            issue.Comments[index] = issue.Comments[index] with { Body = r.Field("body") ?? issue.Comments[index].Body };
            return FakeResponse.Json(FakeGitHubJson.Comment(Api, repo, issue, issue.Comments[index]));
        }));
        Map(HttpMethod.Delete, Repo + "/issues/comments/{comment_id}", r => WithComment(r, (_, issue, index) =>
        {
            issue.Comments.RemoveAt(index);
            return new FakeResponse(HttpStatusCode.NoContent);
        }));
    }

    /// <summary><c>state</c> (open, closed, all; default open), <c>labels</c> (all of them), <c>sort=created</c> and
    /// <c>direction</c> (default desc) — pull requests included, as GitHub's issue list includes them.</summary>
    private List<JsonNode> ListIssues(FakeRequest request, FakeGitHubRepository repo)
    {
        var state = request.QueryValue("state") ?? "open";
        var labels = (request.QueryValue("labels") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = repo.Issues.Values
            .Where(i => !i.Deleted && (state == "all" || (state == "open") == (i.State == "open")))
            .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)));
        items = request.QueryValue("sort") == "created" && request.QueryValue("direction") != "asc"
            ? items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Number)
            : items.OrderBy(i => i.Number);
        return [.. items.Select(i => (JsonNode)FakeGitHubJson.Issue(Api, repo, i, IssuesCarryParentUrl))];
    }

    private JsonObject CreateIssue(FakeGitHubRepository repo, FakeRequest request)
    {
        var issue = new FakeIssue
        {
            Number = repo.Issues.Count == 0 ? 1 : repo.Issues.Keys.Max() + 1,
            Title = request.Field("title") ?? "",
            Body = request.Field("body"),
            Author = BotLogin,
            CreatedAt = Clock.GetUtcNow(),
        };
        issue.Labels.AddRange(LabelNames(request.Json?["labels"]));
        foreach (var label in issue.Labels)
        {
            repo.Labels.TryAdd(label, ("ededed", null));
        }

        repo.Issues[issue.Number] = issue;
        return FakeGitHubJson.Issue(Api, repo, issue, IssuesCarryParentUrl);
    }

    private static FakeIssue EditIssue(FakeIssue issue, FakeRequest request)
    {
        issue.Title = request.Field("title") ?? issue.Title;
        if (request.Json is JsonObject json && json.ContainsKey("body"))
        {
            issue.Body = request.Field("body");
        }

        issue.State = request.Field("state") ?? issue.State;
        return issue;
    }

    /// <summary>The pull requests whose body mentions the issue (<c>#N</c>): GitHub records a cross-reference for each.</summary>
    private static IEnumerable<FakeIssue> MentionsOf(FakeGitHubRepository repo, FakeIssue issue)
    {
        var mention = new Regex($@"(?<![\w/])#{issue.Number}(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return repo.Issues.Values.Where(p => p.IsPullRequest && p.Number != issue.Number && !p.Deleted && mention.IsMatch(p.Body ?? ""));
    }

    private FakeResponse WithComment(FakeRequest request, Func<FakeGitHubRepository, FakeIssue, int, FakeResponse> answer) =>
        WithRepository(request, repo =>
        {
            var id = request.Number("comment_id");
            foreach (var issue in repo.Issues.Values)
            {
                var index = issue.Comments.FindIndex(c => c.Id == id);
                if (index >= 0)
                {
                    return answer(repo, issue, index);
                }
            }

            return NotFound();
        });
}
