using System.Text.Json.Nodes;

namespace AnatomyBot.GitHub.Auth;

/// <summary>What one installation token may reach: one repository of the installation (none for calls about the
/// installation itself) and the permissions one kind of call needs, as <c>name:level</c> pairs joined by commas.</summary>
public sealed record TokenScope(string? Repository, string Permissions)
{
    /// <summary>The body of <c>POST /app/installations/{id}/access_tokens</c> asking for a token of this scope.</summary>
    public string RequestBody()
    {
        var permissions = new JsonObject();
        foreach (var pair in Permissions.Split(','))
        {
            var (name, level) = (pair[..pair.IndexOf(':', StringComparison.Ordinal)], pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            permissions[name] = level;
        }

        var body = new JsonObject();
        if (Repository is not null)
        {
            body["repositories"] = new JsonArray(Repository);
        }

        body["permissions"] = permissions;
        return body.ToJsonString();
    }

    public override string ToString() => $"{Repository ?? "(installation)"} {Permissions}";
}
