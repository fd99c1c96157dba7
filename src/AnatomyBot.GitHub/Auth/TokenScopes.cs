namespace AnatomyBot.GitHub.Auth;

/// <summary>The scope of installation token each GitHub call the bot makes needs: the repository the path names and the
/// permission of the API family the path belongs to, read for <c>GET</c>, write otherwise. Issue endpoints serve pull
/// requests too (comments, labels), so they ask for the issues and pull-requests permissions together. A repository
/// call of a family not listed here is refused rather than sent with a broader token.</summary>
public static class TokenScopes
{
    private const string Installation = "metadata:read";

    /// <summary>The scope for <paramref name="method"/> on <paramref name="path"/>, the request path relative to the API
    /// root (<c>repos/acme/shop/issues/5</c>).</summary>
    public static TokenScope For(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Trim('/').Split('/');
        if (segments is ["orgs", _, "teams", _, "memberships", _])
        {
            return new TokenScope(null, "members:read");
        }

        if (segments is not ["repos", _, var repository, ..])
        {
            return new TokenScope(null, Installation);
        }

        var read = method == HttpMethod.Get || method == HttpMethod.Head;
        var level = read ? "read" : "write";
        var permissions = segments.Length == 3 ? Installation : Family(segments) switch
        {
            "contents" when read => "contents:read",
            "issues" or "labels" => $"issues:{level},pull_requests:{level}",
            "pulls" => $"pull_requests:{level}",
            "check-runs" or "check-suites" => $"checks:{level}",
            "statuses" or "status" => $"statuses:{level}",
            "branches" => $"administration:{level}",
            "collaborators" => Installation,
            var family => throw new InvalidOperationException(
                $"No installation token scope is defined for {method} {path} ({family}); add one to {nameof(TokenScopes)}."),
        };
        return new TokenScope(repository, permissions);
    }

    /// <summary>The API family: the segment after the repository, or for <c>commits/{ref}/…</c> the one after the ref.</summary>
    private static string Family(string[] segments) =>
        segments[3] == "commits" && segments.Length > 5 ? segments[5] : segments[3];
}
