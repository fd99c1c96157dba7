using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>What <c>anatomybot doctor</c> reads of an installation's set-up: the App itself (its permissions and webhook
/// events, JWT only), the App's webhook configuration, a repository (its default branch) and the required status checks
/// of a protected branch.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>The App's permissions (<c>GET /app</c>), by permission name.</summary>
    public Dictionary<string, string> AppPermissions { get; } = new(StringComparer.Ordinal)
    {
        ["checks"] = "write",
        ["contents"] = "read",
        ["issues"] = "write",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
    };

    /// <summary>The webhook events the App subscribes to (<c>GET /app</c>).</summary>
    public List<string> AppEvents { get; } = ["issues", "issue_comment", "pull_request", "push", "sub_issues"];

    /// <summary>The App's webhook URL (<c>GET /app/hook/config</c>); null when none is set.</summary>
    public Uri? HookUrl { get; set; } = new("https://anatomybot.example/api/github/webhooks");

    /// <summary>Whether the App's webhook has a secret (GitHub answers <c>********</c>, never the secret).</summary>
    public bool HookHasSecret { get; set; } = true;

    private void MapSettings()
    {
        Map(HttpMethod.Get, "/app", r => AsApp(r, () =>
        {
            var app = FakeGitHubJson.App(Api, AppSlug, Installations.Values.SelectMany(v => v).Select(f => f.Split('/')[0]).FirstOrDefault() ?? "acme");
            app["permissions"] = new JsonObject([.. AppPermissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
            app["events"] = new JsonArray([.. AppEvents.Select(e => (JsonNode)e)]);
            return FakeResponse.Json(app);
        }));
        // The authenticated user: a personal access token's account. GitHub refuses an App's JWT (401) and an installation
        // token (403), which act as no user.
        Map(HttpMethod.Get, "/user", r => r.Headers.Authorization is { Scheme: "Bearer" }
            ? FakeResponse.Json(FakeGitHubJson.Error("Bad credentials", 401), HttpStatusCode.Unauthorized)
            : r.Headers.Authorization?.Parameter is { } token && _tokens.ContainsKey(token)
                ? FakeResponse.Json(FakeGitHubJson.Error("Resource not accessible by integration", 403), HttpStatusCode.Forbidden)
                : FakeResponse.Json(FakeGitHubJson.PublicUser(Api, BotLogin)));
        Map(HttpMethod.Get, "/app/hook/config", r => AsApp(r, () => FakeResponse.Json(new JsonObject
        {
            ["url"] = HookUrl?.AbsoluteUri,
            ["content_type"] = "json",
            ["secret"] = HookHasSecret ? "********" : null,
            ["insecure_ssl"] = "0",
        })));
        Map(HttpMethod.Get, Repo, r => WithRepository(r, repo =>
        {
            var json = FakeGitHubJson.Repository(Api, repo);
            json["network_count"] = 0;
            json["subscribers_count"] = 0;
            return FakeResponse.Json(json);
        }));
        Map(HttpMethod.Get, Repo + "/branches/{branch}/protection/required_status_checks", r => WithRepository(r, repo =>
            string.Equals(r.Route("branch"), repo.DefaultBranch, StringComparison.Ordinal) && repo.RequiredStatusChecks is { } contexts
                ? FakeResponse.Json(RequiredStatusChecks(repo, contexts))
                : FakeResponse.Json(FakeGitHubJson.Error("Branch not protected", 404), HttpStatusCode.NotFound)));
    }

    private JsonObject RequiredStatusChecks(FakeGitHubRepository repo, List<string> contexts)
    {
        var url = $"{Api}repos/{repo.FullName}/branches/{repo.DefaultBranch}/protection/required_status_checks";
        return new JsonObject
        {
            ["url"] = url,
            ["strict"] = true,
            ["contexts"] = new JsonArray([.. contexts.Select(c => (JsonNode)c)]),
            ["checks"] = new JsonArray([.. contexts.Select(c => (JsonNode)new JsonObject { ["context"] = c, ["app_id"] = null })]),
            ["contexts_url"] = url + "/contexts",
        };
    }
}
