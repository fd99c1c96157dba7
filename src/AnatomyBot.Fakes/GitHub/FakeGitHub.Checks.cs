using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Check runs: created, updated, and listed by commit (newest first; <c>check_name</c>, and <c>filter=latest</c>,
/// the default, which keeps the newest run of each name).</summary>
public sealed partial class FakeGitHub
{
    private void MapChecks()
    {
        Map(HttpMethod.Get, Repo + "/commits/{ref}/check-runs", r => WithRepository(r, repo =>
        {
            var runs = repo.CheckRuns.Where(c => c.HeadSha == r.Route("ref") && (r.QueryValue("check_name") is not { } name || c.Name == name))
                .Reverse().ToList();
            if (r.QueryValue("filter") != "all")
            {
                runs = [.. runs.DistinctBy(c => c.Name)];
            }

            return FakeResponse.Json(new JsonObject
            {
                ["total_count"] = runs.Count,
                ["check_runs"] = new JsonArray([.. runs.Select(c => (JsonNode)FakeGitHubJson.CheckRun(Api, repo, c, AppSlug))]),
            });
        }));
        Map(HttpMethod.Post, Repo + "/check-runs", r => WithRepository(r, repo =>
        {
            var run = Apply(new FakeCheckRun(NextId(), r.Field("name") ?? "", r.Field("head_sha") ?? "", "queued", null, null, null), r.Json);
            repo.CheckRuns.Add(run);
            return Created(FakeGitHubJson.CheckRun(Api, repo, run, AppSlug));
        }));
        Map(HttpMethod.Patch, Repo + "/check-runs/{check_run_id}", r => WithRepository(r, repo =>
        {
            var index = repo.CheckRuns.FindIndex(c => c.Id == r.Number("check_run_id"));
            if (index < 0)
            {
                return NotFound();
            }

            // Only the app that created a check run may update it.
            if (repo.CheckRuns[index].AppSlug is not null)
            {
                return FakeResponse.Json(FakeGitHubJson.Error("Invalid app_id `" + FakeGitHubJson.App(Api, AppSlug, repo.Owner)["id"] + "` - check run can only be modified by the GitHub App that created it.", 403), System.Net.HttpStatusCode.Forbidden);
            }

            repo.CheckRuns[index] = Apply(repo.CheckRuns[index], r.Json);
            return FakeResponse.Json(FakeGitHubJson.CheckRun(Api, repo, repo.CheckRuns[index], AppSlug));
        }));
    }

    /// <summary>A conclusion completes the run (GitHub sets <c>status</c> and <c>completed_at</c> with it).</summary>
    private FakeCheckRun Apply(FakeCheckRun run, JsonNode? json)
    {
        var now = Clock.GetUtcNow();
        var conclusion = (string?)json?["conclusion"] ?? run.Conclusion;
        var status = conclusion is not null ? "completed" : (string?)json?["status"] ?? run.Status;
        return run with
        {
            Status = status,
            Conclusion = conclusion,
            Title = (string?)json?["output"]?["title"] ?? run.Title,
            Summary = (string?)json?["output"]?["summary"] ?? run.Summary,
            Text = (string?)json?["output"]?["text"] ?? run.Text,
            StartedAt = run.StartedAt ?? now,
            CompletedAt = status == "completed" ? run.CompletedAt ?? now : null,
        };
    }
}
