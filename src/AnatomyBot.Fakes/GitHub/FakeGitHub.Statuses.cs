using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Commit statuses: created on a commit (<c>POST …/statuses/{sha}</c>, context <c>default</c> when none is
/// given) and listed by reference, newest first.</summary>
public sealed partial class FakeGitHub
{
    private void MapStatuses()
    {
        Map(HttpMethod.Get, Repo + "/commits/{ref}/statuses", r => WithRepository(r, repo =>
            FakeResponse.Json(new JsonArray([.. repo.Statuses.Where(s => s.Sha == r.Route("ref")).Reverse().Select(s => (JsonNode)StatusJson(repo, s))]))));
        Map(HttpMethod.Post, Repo + "/statuses/{sha}", r => WithRepository(r, repo =>
        {
            if (r.Field("state") is not ("error" or "failure" or "pending" or "success") || r.Field("description") is { Length: > 140 })
            {
                return FakeResponse.Json(FakeGitHubJson.Error("Validation Failed", 422), HttpStatusCode.UnprocessableEntity);
            }

            var status = new FakeCommitStatus(NextId(), r.Route("sha"), r.Field("context") ?? "default", r.Field("state")!, r.Field("description"), r.Field("target_url"), Clock.GetUtcNow());
            repo.Statuses.Add(status);
            return Created(StatusJson(repo, status));
        }));
    }

    private JsonObject StatusJson(FakeGitHubRepository repo, FakeCommitStatus status) => new()
    {
        ["url"] = $"{Api}repos/{repo.FullName}/statuses/{status.Sha}",
        ["avatar_url"] = "https://avatars.githubusercontent.com/u/1?v=4",
        ["id"] = status.Id,
        ["node_id"] = FakeGitHubJson.NodeId("SC", status.Id),
        ["state"] = status.State,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["context"] = status.Context,
        ["created_at"] = status.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["updated_at"] = status.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["creator"] = FakeGitHubJson.User(Api, BotLogin),
    };
}
