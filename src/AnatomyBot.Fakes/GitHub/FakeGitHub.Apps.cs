using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>GitHub App installations: the App (authenticated with its JWT, <c>Bearer</c>) lists its installations, finds
/// a repository's installation and mints installation tokens, limited to the repositories and permissions the request
/// names as GitHub limits them (another repository is 404, a missing permission 403); an installation token lists the
/// installation's repositories.</summary>
public sealed partial class FakeGitHub
{
    private readonly Dictionary<string, FakeInstallationToken> _tokens = new(StringComparer.Ordinal);

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
            if (r.Number("installation_id") is not { } id || !Installations.TryGetValue(id, out var installed))
            {
                return NotFound();
            }

            var repositories = r.Json?["repositories"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToList() : null;
            if (repositories?.FirstOrDefault(n => !installed.Any(full => string.Equals(full[(full.IndexOf('/', StringComparison.Ordinal) + 1)..], n, StringComparison.OrdinalIgnoreCase))) is { } missing)
            {
                return FakeResponse.Json(FakeGitHubJson.Error($"There is at least one repository that does not exist or is not accessible to the parent installation: {missing}", 422), HttpStatusCode.UnprocessableEntity);
            }

            var permissions = r.Json?["permissions"] is JsonObject asked ? asked.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) : null;
            var token = $"inst-token-{_tokens.Count + 1}";
            _tokens[token] = new FakeInstallationToken(id, repositories, permissions);
            var answer = new JsonObject
            {
                ["token"] = token,
                ["expires_at"] = FakeGitHubJson.Time(Clock.GetUtcNow() + TokenLifetime),
                ["repository_selection"] = "selected",
            };
            if (permissions is not null)
            {
                answer["permissions"] = new JsonObject([.. permissions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
            }

            return Created(answer);
        }));
        Map(HttpMethod.Get, Repo + "/installation", r => AsApp(r, () =>
            Installations.Where(i => i.Value.Contains($"{r.Route("owner")}/{r.Route("repo")}", StringComparer.OrdinalIgnoreCase))
                .Select(i => (long?)i.Key).FirstOrDefault() is { } id
                ? FakeResponse.Json(InstallationJson(id))
                : NotFound()));
        Map(HttpMethod.Get, "/installation/repositories", r =>
        {
            var token = r.Headers.Authorization?.Parameter ?? "";
            if (!_tokens.TryGetValue(token, out var grant))
            {
                return FakeResponse.Json(FakeGitHubJson.Error("Bad credentials", 401), HttpStatusCode.Unauthorized);
            }

            var repositories = Installations[grant.Installation];
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
        var installation = FakeGitHubJson.Installation(Api, id, account, AppSlug);
        installation["permissions"] = new JsonObject([.. AppPermissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        return installation;
    }

    private JsonObject RepositoryJson(string fullName)
    {
        var (owner, name) = (fullName.Split('/')[0], fullName.Split('/')[1]);
        return _repositories.TryGetValue(fullName, out var repo)
            ? FakeGitHubJson.Repository(Api, repo)
            : FakeGitHubJson.Repository(Api, owner, name, FakeGitHubJson.StableId(fullName) % 1_000_000);
    }

    /// <summary>The installation a minted token belongs to (<c>inst-token-N</c>).</summary>
    public long? InstallationOf(string token) => _tokens.TryGetValue(token, out var grant) ? grant.Installation : null;

    /// <summary>What a minted token (<c>inst-token-N</c>) was limited to.</summary>
    public FakeInstallationToken? GrantOf(string token) => _tokens.GetValueOrDefault(token);

    /// <summary>GitHub's answer when an installation token does not reach <paramref name="repo"/> (404) or lacks the
    /// permission the call needs (403); <c>null</c> for any other credential or a token that suffices.</summary>
    private FakeResponse? RefusedByToken(FakeRequest request, FakeGitHubRepository repo)
    {
        if (request.Headers.Authorization?.Parameter is not { } token || !_tokens.TryGetValue(token, out var grant))
        {
            return null;
        }

        if (!Installations[grant.Installation].Contains($"{repo.Owner}/{repo.Name}", StringComparer.OrdinalIgnoreCase) || !grant.Reaches(repo.Name))
        {
            return NotFound();
        }

        var segments = request.Uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s != "repos").ToList();
        var family = segments.Count > 5 && segments[3] == "commits" ? segments[5] : segments.Count > 3 ? segments[3] : "metadata";
        string[] needed = family switch
        {
            "issues" or "labels" => ["issues", "pull_requests"],
            "pulls" => ["pull_requests"],
            "contents" => ["contents"],
            "check-runs" => ["checks"],
            _ => ["metadata"],
        };
        var level = request.Message.Method == HttpMethod.Get ? "read" : "write";
        return needed is ["metadata"] || grant.Allows(needed, level)
            ? null
            : FakeResponse.Json(FakeGitHubJson.Error("Resource not accessible by integration", 403), HttpStatusCode.Forbidden);
    }
}
