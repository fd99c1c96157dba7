using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>GitHub App installations: the App (authenticated with its JWT, <c>Bearer</c>) lists its installations, finds
/// a repository's installation and mints installation tokens; an installation token lists the installation's repositories.</summary>
public sealed partial class FakeGitHub
{
    private readonly Dictionary<string, long> _tokens = new(StringComparer.Ordinal);

    /// <summary>App installations: id → the account and the repositories (<c>owner/name</c>) it is installed on.</summary>
    public Dictionary<long, List<string>> Installations { get; } = [];

    /// <summary>How long a minted installation token lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Installation tokens minted so far (<c>inst-token-1</c>, <c>inst-token-2</c>, …).</summary>
    public int TokensMinted => _tokens.Count;

    private void MapApps()
    {
        Map(HttpMethod.Get, "/app/installations", r => AsApp(r, () =>
            Page(r, [.. Installations.Keys.Order().Select(id => (JsonNode)InstallationJson(id))])));
        Map(HttpMethod.Post, "/app/installations/{installation_id}/access_tokens", r => AsApp(r, () =>
        {
            if (r.Number("installation_id") is not { } id || !Installations.ContainsKey(id))
            {
                return NotFound();
            }

            var token = $"inst-token-{_tokens.Count + 1}";
            _tokens[token] = id;
            return Created(new JsonObject
            {
                ["token"] = token,
                ["expires_at"] = FakeGitHubJson.Time(Clock.GetUtcNow() + TokenLifetime),
                ["repository_selection"] = "selected",
            });
        }));
        Map(HttpMethod.Get, Repo + "/installation", r => AsApp(r, () =>
            Installations.Where(i => i.Value.Contains($"{r.Route("owner")}/{r.Route("repo")}", StringComparer.OrdinalIgnoreCase))
                .Select(i => (long?)i.Key).FirstOrDefault() is { } id
                ? FakeResponse.Json(InstallationJson(id))
                : NotFound()));
        Map(HttpMethod.Get, "/installation/repositories", r =>
        {
            var token = r.Headers.Authorization?.Parameter ?? "";
            if (!_tokens.TryGetValue(token, out var id))
            {
                return FakeResponse.Json(FakeGitHubJson.Error("Bad credentials", 401), HttpStatusCode.Unauthorized);
            }

            var repositories = Installations[id];
            var page = Page(r, [.. repositories.Select(full => (JsonNode)RepositoryJson(full))]);
            return FakeResponse.Json(new JsonObject
            {
                ["total_count"] = repositories.Count,
                ["repository_selection"] = "selected",
                ["repositories"] = page.Body,
            }).WithLinkOf(page);
        });
    }

    /// <summary>App endpoints take the App's JWT (<c>Authorization: Bearer</c>), not a token.</summary>
    private static FakeResponse AsApp(FakeRequest request, Func<FakeResponse> answer) =>
        request.Headers.Authorization?.Scheme == "Bearer"
            ? answer()
            : FakeResponse.Json(FakeGitHubJson.Error("A JSON web token could not be decoded", 401), HttpStatusCode.Unauthorized);

    private JsonObject InstallationJson(long id)
    {
        var account = Installations[id].Select(r => r.Split('/')[0]).FirstOrDefault() ?? "acme";
        return FakeGitHubJson.Installation(Api, id, account, AppSlug);
    }

    private JsonObject RepositoryJson(string fullName)
    {
        var (owner, name) = (fullName.Split('/')[0], fullName.Split('/')[1]);
        return _repositories.TryGetValue(fullName, out var repo)
            ? FakeGitHubJson.Repository(Api, repo)
            : FakeGitHubJson.Repository(Api, owner, name, FakeGitHubJson.StableId(fullName) % 1_000_000);
    }

    /// <summary>The installation a minted token belongs to (<c>inst-token-N</c>).</summary>
    public long? InstallationOf(string token) => _tokens.TryGetValue(token, out var id) ? id : null;
}
