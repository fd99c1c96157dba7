using System.Text.Json;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Snapshot;
using Octokit;

namespace AnatomyBot.GitHub.Commands;

/// <summary>Who may run a command on GitHub, asked of GitHub each time: a user's role on the repository
/// (<c>GET /repos/{owner}/{repo}/collaborators/{username}/permission</c>: <c>admin</c>, <c>maintain</c>, <c>write</c>,
/// <c>triage</c>, <c>read</c>, <c>none</c>) and team membership (<c>GET /orgs/{org}/teams/{team_slug}/memberships/{username}</c>,
/// active only).</summary>
public sealed class GitHubPermissions(RawJson raw)
{
    /// <summary>The most approvers (users and teams) one decision looks at.</summary>
    public const int MaxApprovers = 20;

    /// <summary>Write access: role <c>admin</c>, <c>maintain</c> or <c>write</c>.</summary>
    public async Task<bool> CanWriteAsync(IGitHubClient client, RepositoryId repository, string login) =>
        await RoleAsync(client, repository, login).ConfigureAwait(false) is "admin" or "maintain" or "write";

    /// <summary>A waiver approver: a user <c>policy.waivers.approvers</c> names (<c>@login</c> or <c>login</c>) or a member
    /// of a team it names (<c>@org/team</c>); with no approvers, a repository maintainer or admin.</summary>
    public async Task<bool> IsApproverAsync(IGitHubClient client, RepositoryId repository, string login, IReadOnlyList<string> approvers)
    {
        ArgumentNullException.ThrowIfNull(approvers);
        if (approvers.Count == 0)
        {
            return await RoleAsync(client, repository, login).ConfigureAwait(false) is "admin" or "maintain";
        }

        foreach (var approver in approvers.Take(MaxApprovers).Select(a => a.TrimStart('@')))
        {
            var slash = approver.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                if (string.Equals(approver, login, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (await IsTeamMemberAsync(client, approver[..slash], approver[(slash + 1)..], login).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<string?> RoleAsync(IGitHubClient client, RepositoryId repository, string login)
    {
        var path = $"repos/{Escape(repository.Owner)}/{Escape(repository.Name)}/collaborators/{Escape(login)}/permission";
        try
        {
            using var json = await raw.GetAsync(client, path, CancellationToken.None).ConfigureAwait(false);
            var root = json.RootElement;
            return root.TryGetProperty("role_name", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString()
                : root.TryGetProperty("permission", out var permission) && permission.ValueKind == JsonValueKind.String ? permission.GetString()
                : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private async Task<bool> IsTeamMemberAsync(IGitHubClient client, string org, string team, string login)
    {
        try
        {
            using var json = await raw.GetAsync(client, $"orgs/{Escape(org)}/teams/{Escape(team)}/memberships/{Escape(login)}", CancellationToken.None).ConfigureAwait(false);
            return json.RootElement.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String && state.GetString() == "active";
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
