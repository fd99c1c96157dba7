using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>GitHub REST shapes built from the fake's state, complete as GitHub's OpenAPI description requires them
/// (<c>simple-user</c>, <c>repository</c>, <c>issue</c>, <c>pull-request</c>, <c>check-run</c>, …). Webhook payloads use
/// the same shapes, as GitHub's do. <c>api</c> is the API's base URL with a trailing slash.</summary>
public static partial class FakeGitHubJson
{
    public const string Web = "https://github.com/";

    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable number for a name (GitHub's ids are opaque; the fake's only need to be stable).</summary>
    public static long StableId(string text) =>
        text.Aggregate(17L, (hash, c) => (hash * 31 + c) % 1_000_000_007);

    /// <summary>A 40-hex-digit object id for a text (the fake's blob SHA).</summary>
    public static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 20));

    public static JsonObject User(string api, string login, string? type = null)
    {
        var id = StableId(login) % 100_000_000;
        var users = $"{api}users/{Uri.EscapeDataString(login)}";
        var kind = type ?? (login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("U", id),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = users,
            ["html_url"] = kind == "Bot" ? $"{Web}apps/{Uri.EscapeDataString(login[..^5])}" : Web + Uri.EscapeDataString(login),
            ["followers_url"] = users + "/followers",
            ["following_url"] = users + "/following{/other_user}",
            ["gists_url"] = users + "/gists{/gist_id}",
            ["starred_url"] = users + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = users + "/subscriptions",
            ["organizations_url"] = users + "/orgs",
            ["repos_url"] = users + "/repos",
            ["events_url"] = users + "/events{/privacy}",
            ["received_events_url"] = users + "/received_events",
            ["type"] = kind,
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    /// <summary>A user's public profile (<c>public-user</c>), as <c>GET /user</c> answers for a token's account.</summary>
    public static JsonObject PublicUser(string api, string login)
    {
        var user = User(api, login);
        user["name"] = login;
        foreach (var key in new[] { "company", "blog", "location", "email", "hireable", "bio" })
        {
            user[key] = null;
        }

        user["blog"] = "";
        user["public_repos"] = 0;
        user["public_gists"] = 0;
        user["followers"] = 0;
        user["following"] = 0;
        user["created_at"] = Time(Epoch);
        user["updated_at"] = Time(Epoch);
        return user;
    }

    public static JsonObject Repository(string api, FakeGitHubRepository repo) => Repository(api, repo.Owner, repo.Name, repo.Id, repo.DefaultBranch);

    public static JsonObject Repository(string api, string owner, string name, long id, string defaultBranch = "main")
    {
        var full = $"{owner}/{name}";
        var url = $"{api}repos/{full}";
        var json = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("R", id),
            ["name"] = name,
            ["full_name"] = full,
            ["private"] = false,
            ["owner"] = User(api, owner, "Organization"),
            ["html_url"] = Web + full,
            ["description"] = null,
            ["fork"] = false,
            ["url"] = url,
        };
        foreach (var (key, suffix) in RepositoryLinks)
        {
            json[key] = url + suffix;
        }

        json["git_url"] = $"git://github.com/{full}.git";
        json["ssh_url"] = $"git@github.com:{full}.git";
        json["clone_url"] = $"{Web}{full}.git";
        json["svn_url"] = Web + full;
        json["mirror_url"] = null;
        json["homepage"] = null;
        json["language"] = "C#";
        json["forks"] = 0;
        json["forks_count"] = 0;
        json["stargazers_count"] = 0;
        json["watchers"] = 0;
        json["watchers_count"] = 0;
        json["size"] = 128;
        json["default_branch"] = defaultBranch;
        json["open_issues"] = 0;
        json["open_issues_count"] = 0;
        json["is_template"] = false;
        json["topics"] = new JsonArray();
        json["has_issues"] = true;
        json["has_projects"] = false;
        json["has_wiki"] = false;
        json["has_pages"] = false;
        json["has_downloads"] = true;
        json["has_discussions"] = false;
        json["archived"] = false;
        json["disabled"] = false;
        json["visibility"] = "public";
        json["license"] = null;
        json["pushed_at"] = Time(Epoch);
        json["created_at"] = Time(Epoch);
        json["updated_at"] = Time(Epoch);
        return json;
    }

    public static JsonArray Labels(string api, FakeGitHubRepository repo, IEnumerable<string> names) =>
        [.. names.Select(n => (JsonNode)Label(api, repo, n))];

    public static JsonObject Label(string api, FakeGitHubRepository repo, string name)
    {
        var id = StableId(repo.FullName + "|" + name.ToUpperInvariant());
        var definition = repo.Labels.TryGetValue(name, out var d) ? d : ("ededed", null);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("LA", id),
            ["url"] = $"{api}repos/{repo.FullName}/labels/{Uri.EscapeDataString(name)}",
            ["name"] = name,
            ["color"] = definition.Color,
            ["description"] = definition.Description,
            ["default"] = false,
        };
    }

    public static JsonObject Comment(string api, FakeGitHubRepository repo, FakeIssue issue, FakeIssueComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = NodeId("IC", comment.Id),
        ["url"] = $"{api}repos/{repo.FullName}/issues/comments/{comment.Id}",
        ["html_url"] = $"{HtmlUrl(repo, issue)}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = User(api, comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.CreatedAt),
        ["issue_url"] = $"{api}repos/{repo.FullName}/issues/{issue.Number}",
        ["author_association"] = comment.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "NONE" : "MEMBER",
    };

    public static JsonObject CheckRun(string api, FakeGitHubRepository repo, FakeCheckRun run, string appSlug) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = NodeId("CR", run.Id),
        ["head_sha"] = run.HeadSha,
        ["external_id"] = "",
        ["url"] = $"{api}repos/{repo.FullName}/check-runs/{run.Id}",
        ["html_url"] = $"{Web}{repo.FullName}/runs/{run.Id}",
        ["details_url"] = $"{Web}{repo.FullName}/runs/{run.Id}",
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["started_at"] = run.StartedAt is { } started ? Time(started) : null,
        ["completed_at"] = run.CompletedAt is { } completed ? Time(completed) : null,
        ["output"] = new JsonObject
        {
            ["title"] = run.Title,
            ["summary"] = run.Summary,
            ["text"] = run.Text,
            ["annotations_count"] = 0,
            ["annotations_url"] = $"{api}repos/{repo.FullName}/check-runs/{run.Id}/annotations",
        },
        ["name"] = run.Name,
        ["check_suite"] = new JsonObject { ["id"] = StableId("suite " + run.HeadSha) },
        ["app"] = App(api, run.AppSlug ?? appSlug, repo.Owner),
        ["pull_requests"] = new JsonArray(),
    };

    public static JsonObject App(string api, string slug, string owner) => new()
    {
        ["id"] = StableId("app " + slug) % 1_000_000,
        ["slug"] = slug,
        ["node_id"] = NodeId("A", StableId("app " + slug)),
        ["client_id"] = "Iv1." + Sha(slug)[..16],
        ["owner"] = User(api, owner, "Organization"),
        ["name"] = slug,
        ["description"] = null,
        ["external_url"] = $"https://{slug}.example",
        ["html_url"] = $"{Web}apps/{slug}",
        ["created_at"] = Time(Epoch),
        ["updated_at"] = Time(Epoch),
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("issues", "pull_request", "push"),
    };

    public static JsonObject ContentFile(string api, FakeGitHubRepository repo, string path, string text)
    {
        var sha = Sha(text);
        var self = $"{api}repos/{repo.FullName}/contents/{path}?ref={repo.DefaultBranch}";
        var html = $"{Web}{repo.FullName}/blob/{repo.DefaultBranch}/{path}";
        var git = $"{api}repos/{repo.FullName}/git/blobs/{sha}";
        return new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = Encoding.UTF8.GetByteCount(text),
            ["name"] = Path.GetFileName(path),
            ["path"] = path,
            ["content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n",
            ["sha"] = sha,
            ["url"] = self,
            ["git_url"] = git,
            ["html_url"] = html,
            ["download_url"] = $"https://raw.githubusercontent.com/{repo.FullName}/{repo.DefaultBranch}/{path}",
            ["_links"] = new JsonObject { ["self"] = self, ["git"] = git, ["html"] = html },
        };
    }

    /// <summary>An entry of a folder listing (<c>content-directory</c>): a file, without its content.</summary>
    public static JsonObject DirectoryEntry(string api, FakeGitHubRepository repo, string path, string text)
    {
        var entry = ContentFile(api, repo, path, text);
        entry.Remove("content");
        entry.Remove("encoding");
        return entry;
    }

    public static JsonObject DiffEntry(string api, FakeGitHubRepository repo, FakeIssue pr, string path) => new()
    {
        ["sha"] = Sha(pr.HeadSha + path),
        ["filename"] = path,
        ["status"] = "modified",
        ["additions"] = 10,
        ["deletions"] = 2,
        ["changes"] = 12,
        ["blob_url"] = $"{Web}{repo.FullName}/blob/{pr.HeadSha}/{path}",
        ["raw_url"] = $"{Web}{repo.FullName}/raw/{pr.HeadSha}/{path}",
        ["contents_url"] = $"{api}repos/{repo.FullName}/contents/{path}?ref={pr.HeadSha}",
        ["patch"] = "@@ -1,2 +1,10 @@",
    };

    /// <summary>The <c>cross-referenced</c> timeline event GitHub records on an issue a pull request mentions.</summary>
    public static JsonObject CrossReference(string api, FakeGitHubRepository repo, FakeIssue source) => new()
    {
        ["event"] = "cross-referenced",
        ["actor"] = User(api, source.Author),
        ["created_at"] = Time(source.CreatedAt),
        ["updated_at"] = Time(source.CreatedAt),
        ["source"] = new JsonObject { ["type"] = "issue", ["issue"] = Issue(api, repo, source) },
    };

    /// <summary>An installation. GitHub's description of <c>GET /app/installations</c> requires the account to be both a
    /// <c>simple-user</c> and an <c>enterprise</c> (an <c>allOf</c>), so the account carries the enterprise's fields too.</summary>
    public static JsonObject Installation(string api, long id, string account, string appSlug) => new()
    {
        ["id"] = id,
        ["account"] = Account(api, account),
        ["repository_selection"] = "selected",
        ["access_tokens_url"] = $"{api}app/installations/{id}/access_tokens",
        ["repositories_url"] = $"{api}installation/repositories",
        ["html_url"] = $"{Web}organizations/{account}/settings/installations/{id}",
        ["app_id"] = StableId("app " + appSlug) % 1_000_000,
        ["app_slug"] = appSlug,
        ["target_id"] = StableId(account) % 100_000_000,
        ["target_type"] = "Organization",
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("issues", "pull_request", "push"),
        ["created_at"] = Time(Epoch),
        ["updated_at"] = Time(Epoch),
        ["single_file_name"] = null,
        ["suspended_by"] = null,
        ["suspended_at"] = null,
    };

    /// <summary>GitHub's error body: <c>{"message", "documentation_url", "status"}</c>.</summary>
    public static JsonObject Error(string message, int status) => new()
    {
        ["message"] = message,
        ["documentation_url"] = "https://docs.github.com/rest",
        ["status"] = status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A 422 <c>Validation Failed</c> body with one error (e.g. <c>Label</c>, <c>already_exists</c>, <c>name</c>).</summary>
    public static JsonObject ValidationFailed(string resource, string code, string field)
    {
        var json = Error("Validation Failed", 422);
        json["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["code"] = code, ["field"] = field });
        return json;
    }

    private static readonly (string Key, string Suffix)[] RepositoryLinks =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
        ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"), ("languages_url", "/languages"),
        ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"),
        ("trees_url", "/git/trees{/sha}"),
    ];

    private static long IssueId(FakeGitHubRepository repo, FakeIssue issue) => repo.Id * 100_000 + issue.Number;

    private static string HtmlUrl(FakeGitHubRepository repo, FakeIssue issue) =>
        $"{Web}{repo.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}";

    internal static string NodeId(string prefix, long id) => $"{prefix}_kw{id.ToString("x", CultureInfo.InvariantCulture)}";

    private static JsonObject Link(string href) => new() { ["href"] = href };

    private static JsonObject Account(string api, string login)
    {
        var account = User(api, login, "Organization");
        account["name"] = login;
        account["slug"] = login;
        account["created_at"] = Time(Epoch);
        account["updated_at"] = Time(Epoch);
        return account;
    }

    private static JsonObject IssueType(string name) => new()
    {
        ["id"] = StableId("type " + name) % 1_000_000,
        ["node_id"] = NodeId("IT", StableId("type " + name)),
        ["name"] = name,
        ["description"] = null,
    };

    private static JsonObject Permissions() => new()
    {
        ["checks"] = "write",
        ["contents"] = "read",
        ["issues"] = "write",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
    };

    private static JsonObject Ref(string api, JsonObject repository, string owner, string name, string sha) => new()
    {
        ["label"] = $"{owner}:{name}",
        ["ref"] = name,
        ["sha"] = sha,
        ["user"] = User(api, owner, "Organization"),
        ["repo"] = repository,
    };
}
