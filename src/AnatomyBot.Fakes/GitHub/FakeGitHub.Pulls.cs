using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Pull requests and their changed files.</summary>
public sealed partial class FakeGitHub
{
    private void MapPulls()
    {
        Map(HttpMethod.Get, Repo + "/pulls/{pull_number}", r => WithIssue(r, "pull_number", (repo, pr) =>
            pr.IsPullRequest ? FakeResponse.Json(FakeGitHubJson.PullRequest(Api, repo, pr)) : NotFound()));
        Map(HttpMethod.Get, Repo + "/pulls/{pull_number}/files", r => WithIssue(r, "pull_number", (repo, pr) =>
            pr.IsPullRequest ? Page(r, [.. pr.Files.Select(f => (JsonNode)FakeGitHubJson.DiffEntry(Api, repo, pr, f))]) : NotFound()));
    }
}
