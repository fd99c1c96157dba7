using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Who may do what: a user's permission on a repository (<c>admin</c>, <c>maintain</c>, <c>write</c>,
/// <c>triage</c>, <c>read</c>; <c>none</c> for anyone not listed) and team memberships.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>Permissions by <c>owner/repo</c> and login.</summary>
    public Dictionary<string, Dictionary<string, string>> Permissions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Active team members by <c>org/team-slug</c>.</summary>
    public Dictionary<string, HashSet<string>> TeamMembers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gives <paramref name="login"/> <paramref name="permission"/> on <c>owner/name</c>.</summary>
    public void Grant(string repository, string login, string permission)
    {
        lock (Gate)
        {
            if (!Permissions.TryGetValue(repository, out var users))
            {
                Permissions[repository] = users = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            users[login] = permission;
        }
    }

    private void MapPermissions()
    {
        Map(HttpMethod.Get, Repo + "/collaborators/{username}/permission", r => WithRepository(r, repo =>
        {
            var login = r.Route("username");
            string permission;
            lock (Gate)
            {
                permission = Permissions.TryGetValue(repo.FullName, out var users) && users.TryGetValue(login, out var p) ? p : "none";
            }

            var user = FakeGitHubJson.User(Api, login);
            user["role_name"] = permission;
            return FakeResponse.Json(new JsonObject
            {
                ["permission"] = permission is "maintain" ? "write" : permission is "triage" ? "read" : permission,
                ["role_name"] = permission,
                ["user"] = user,
            });
        }));
        Map(HttpMethod.Get, "/orgs/{org}/teams/{team_slug}/memberships/{username}", r =>
        {
            var team = $"{r.Route("org")}/{r.Route("team_slug")}";
            bool member;
            lock (Gate)
            {
                member = TeamMembers.TryGetValue(team, out var members) && members.Contains(r.Route("username"));
            }

            return member
                ? FakeResponse.Json(new JsonObject
                {
                    ["url"] = $"{Api}teams/{FakeGitHubJson.StableId(team) % 1_000_000}/memberships/{Uri.EscapeDataString(r.Route("username"))}",
                    ["role"] = "member",
                    ["state"] = "active",
                })
                : new FakeResponse(System.Net.HttpStatusCode.NotFound);
        });
    }
}
