using System.Text.Json;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Silence where nobody opted in, and one anatomy per project: a snapshot's targets split by the configured
/// project they are in. A work item is in the project its <c>System.TeamProject</c> names (the first project when it
/// names none), a pull request in its repository's project (or the service hook's, for the pull request it names).
/// Targets in any other project are dropped. With a single project configured by its id, a name cannot be told from
/// it, so everything is kept there.</summary>
internal static class ProjectTargets
{
    /// <summary>The parts, each with the whole context (and whether the budget ran out) and only its project's targets,
    /// in configuration order; and the
    /// first unconfigured project seen, when targets were dropped.</summary>
    public static (IReadOnlyList<(string Project, Snapshot Part)> Parts, string? Elsewhere) Split(Snapshot snapshot, NotificationSubject subject, AzureDevOpsOptions options)
    {
        var configured = options.ConfiguredProjects;
        var onlyById = configured.Count == 1 && Guid.TryParse(configured[0], out _);
        string? Match(string? project) =>
            onlyById ? configured[0] : configured.FirstOrDefault(p => string.Equals(p, project?.Trim(), StringComparison.OrdinalIgnoreCase));
        string? elsewhere = null;
        var parts = new Dictionary<string, Snapshot>(StringComparer.OrdinalIgnoreCase);
        Snapshot PartOf(string project)
        {
            if (!parts.TryGetValue(project, out var part))
            {
                part = new Snapshot { BudgetSpent = snapshot.BudgetSpent };
                foreach (var (id, item) in snapshot.WorkItems)
                {
                    part.WorkItems[id] = item;
                }

                parts[project] = part;
            }

            return part;
        }

        foreach (var id in snapshot.WorkItemTargets)
        {
            var named = snapshot.WorkItems[id].Fields is { } fields && fields.TryGetValue("System.TeamProject", out var value)
                && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } project ? project : null;
            if ((named is null ? options.DefaultProject : Match(named)) is { } home)
            {
                PartOf(home).WorkItemTargets.Add(id);
            }
            else
            {
                elsewhere ??= named;
            }
        }

        var hook = (subject as PullRequestSubject)?.PullRequest;
        foreach (var pr in snapshot.PullRequests)
        {
            var home = Match(pr.Ref.Project) ?? (hook is not null && pr.Ref.PullRequestId == hook.PullRequestId ? Match(hook.Project) : null);
            if (home is not null)
            {
                PartOf(home).PullRequests.Add(pr);
            }
            else
            {
                elsewhere ??= pr.Ref.Project;
            }
        }

        return ([.. configured.Where(parts.ContainsKey).Select(p => (p, parts[p]))], elsewhere);
    }
}
