using System.Net.Http.Headers;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Doctor;

/// <summary>Whether <c>/anatomy waive</c> can check the team approvers the anatomy names: when
/// <c>policy.waivers.approvers</c> lists an <c>@org/team</c>, membership is asked of
/// <c>GET /orgs/{org}/teams/{team_slug}/memberships/{username}</c>, which a GitHub App may call only with the organisation
/// permission <c>members: read</c> (read from the installation's <c>permissions</c>), and a classic token only with the
/// <c>read:org</c> scope. No line when no team is named or the anatomy does not parse.</summary>
public static class TeamApproverCheck
{
    private static readonly string[] OrgScopes = ["read:org", "write:org", "admin:org"];

    /// <param name="repository">The repository checked.</param>
    /// <param name="anatomyText">Its anatomy file's text, or null when there is none.</param>
    /// <param name="installationPermissions">The installation's permissions (App mode), else null.</param>
    /// <param name="tokenHeaders">The token's response headers (token mode), else null.</param>
    public static DoctorCheck? Evaluate(RepositoryId repository, string? anatomyText, IReadOnlyDictionary<string, string>? installationPermissions, HttpResponseHeaders? tokenHeaders)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var teams = Teams(anatomyText);
        if (teams.Count == 0)
        {
            return null;
        }

        var name = $"{repository}: team approvers";
        var named = string.Join(", ", teams.Take(3)) + (teams.Count > 3 ? $" and {teams.Count - 3} more" : "");
        if (installationPermissions is not null)
        {
            return installationPermissions.TryGetValue("members", out var level) && level is "read" or "write"
                ? DoctorCheck.Pass(name, $"{named} can be checked (the installation has members: {level})")
                : DoctorCheck.Fail(name, $"{named} cannot be checked: the installation lacks the organisation permission members: read, so /anatomy waive refuses team members",
                    "grant Organization permissions → Members: read in the App's settings; each organisation's owner must then accept it");
        }

        if (tokenHeaders is not null && tokenHeaders.TryGetValues("X-OAuth-Scopes", out var values))
        {
            var scopes = string.Join(',', values).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return scopes.Intersect(OrgScopes, StringComparer.Ordinal).Any()
                ? DoctorCheck.Pass(name, $"{named} can be checked (the token has {scopes.Intersect(OrgScopes, StringComparer.Ordinal).First()})")
                : DoctorCheck.Fail(name, $"{named} cannot be checked: the token lacks the read:org scope, so /anatomy waive refuses team members", "add the read:org scope to the token, or use the GitHub App with Members: read");
        }

        return DoctorCheck.Pass(name, $"{named}: a fine-grained or Actions token, whose organisation permissions cannot be read; give it Members: read");
    }

    private static List<string> Teams(string? text)
    {
        if (text is null || AnatomyParser.Parse(text) is not { IsValid: true, Anatomy: { } anatomy })
        {
            return [];
        }

        return [.. anatomy.Policy.Waivers.Approvers.Where(a => a.TrimStart('@').Contains('/', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
