using System.Text.Json.Nodes;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>GitHub REST shapes (the fields Octokit and Octokit.Webhooks read), built from the fake's state.
/// The webhook payloads use the same shapes, as GitHub's do.</summary>
internal static class FakeGitHubJson
{
    public static JsonObject User(string login) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(login)) % 100_000,
        ["node_id"] = "U_" + login,
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["html_url"] = "https://github.com/" + login,
    };

    public static JsonObject Repository(string baseUrl, FakeGitHubRepository repo) => new()
    {
        ["id"] = 4242,
        ["node_id"] = "R_" + repo.Name,
        ["name"] = repo.Name,
        ["full_name"] = repo.FullName,
        ["private"] = false,
        ["owner"] = User(repo.Owner),
        ["html_url"] = $"https://github.com/{repo.FullName}",
        ["url"] = $"{baseUrl}repos/{repo.FullName}",
        ["default_branch"] = "main",
        ["fork"] = false,
    };

    public static JsonArray Labels(FakeGitHubRepository repo, IEnumerable<string> names) =>
        [.. names.Select(n => (JsonNode)Label(repo, n))];

    public static JsonObject Label(FakeGitHubRepository repo, string name) => new()
    {
        ["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(name)) % 1_000_000,
        ["node_id"] = "L_" + name,
        ["name"] = name,
        ["color"] = repo.Labels.TryGetValue(name, out var d) ? d.Color : "ededed",
        ["description"] = repo.Labels.TryGetValue(name, out var e) ? e.Description : null,
        ["default"] = false,
        ["url"] = $"https://api.github.com/repos/{repo.FullName}/labels/{Uri.EscapeDataString(name)}",
    };

    public static JsonObject Issue(string baseUrl, FakeGitHubRepository repo, FakeIssue issue)
    {
        var kind = issue.IsPullRequest ? "pull" : "issues";
        var json = new JsonObject
        {
            ["id"] = 10_000 + issue.Number,
            ["node_id"] = "I_" + issue.Number,
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["state"] = issue.State == "merged" ? "closed" : issue.State,
            ["locked"] = false,
            ["user"] = User(issue.Author),
            ["labels"] = Labels(repo, issue.Labels),
            ["assignees"] = new JsonArray(),
            ["comments"] = issue.Comments.Count,
            ["html_url"] = $"https://github.com/{repo.FullName}/{kind}/{issue.Number}",
            ["url"] = $"{baseUrl}repos/{repo.FullName}/issues/{issue.Number}",
            ["repository_url"] = $"{baseUrl}repos/{repo.FullName}",
            ["created_at"] = "2026-11-16T09:00:00Z",
            ["updated_at"] = "2026-11-16T09:00:00Z",
            ["author_association"] = "MEMBER",
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject { ["url"] = $"{baseUrl}repos/{repo.FullName}/pulls/{issue.Number}", ["html_url"] = $"https://github.com/{repo.FullName}/pull/{issue.Number}" };
        }

        return json;
    }

    public static JsonObject PullRequest(string baseUrl, FakeGitHubRepository repo, FakeIssue pr)
    {
        var json = Issue(baseUrl, repo, pr);
        json.Remove("pull_request");
        json["html_url"] = $"https://github.com/{repo.FullName}/pull/{pr.Number}";
        json["url"] = $"{baseUrl}repos/{repo.FullName}/pulls/{pr.Number}";
        json["draft"] = false;
        json["merged"] = pr.State == "merged";
        json["merged_at"] = pr.State == "merged" ? "2026-11-20T16:00:00Z" : null;
        json["head"] = Ref(baseUrl, repo, "feature/" + pr.Number, pr.HeadSha);
        json["base"] = Ref(baseUrl, repo, "main", "0000000000000000000000000000000000000000");
        json["changed_files"] = pr.Files.Count;
        return json;
    }

    public static JsonObject Comment(string baseUrl, FakeGitHubRepository repo, int number, FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_" + comment.Id,
        ["body"] = comment.Body,
        ["user"] = User(comment.Author),
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{number}#issuecomment-{comment.Id}",
        ["url"] = $"{baseUrl}repos/{repo.FullName}/issues/comments/{comment.Id}",
        ["created_at"] = "2026-11-16T09:00:00Z",
        ["updated_at"] = "2026-11-16T09:00:00Z",
        ["author_association"] = "NONE",
    };

    public static JsonObject CheckRun(string baseUrl, FakeGitHubRepository repo, FakeCheckRun run) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = "CR_" + run.Id,
        ["name"] = run.Name,
        ["head_sha"] = run.HeadSha,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["url"] = $"{baseUrl}repos/{repo.FullName}/check-runs/{run.Id}",
        ["html_url"] = $"https://github.com/{repo.FullName}/runs/{run.Id}",
        ["output"] = new JsonObject { ["title"] = run.Title, ["summary"] = run.Summary, ["annotations_count"] = 0 },
        ["app"] = new JsonObject { ["id"] = 1, ["slug"] = "anatomybot", ["name"] = "AnatomyBot" },
        ["pull_requests"] = new JsonArray(),
    };

    private static JsonObject Ref(string baseUrl, FakeGitHubRepository repo, string name, string sha) => new()
    {
        ["label"] = $"{repo.Owner}:{name}",
        ["ref"] = name,
        ["sha"] = sha,
        ["user"] = User(repo.Owner),
        ["repo"] = Repository(baseUrl, repo),
    };
}
