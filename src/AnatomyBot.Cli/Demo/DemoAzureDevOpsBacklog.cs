using System.Text.Json.Serialization;

namespace AnatomyBot.Cli.Demo;

/// <summary>The Azure DevOps side of the scripted week: one organisation and project, the repository pull requests live
/// in, the repository holding <c>anatomy.yml</c>, and the work items and pull requests people create during the week.</summary>
internal sealed record DemoAzureDevOpsBacklog(
    [property: JsonPropertyName("organization")] string Organization,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("anatomyRepository")] string AnatomyRepository,
    [property: JsonPropertyName("workItems")] IReadOnlyList<DemoWorkItem> WorkItems,
    [property: JsonPropertyName("pullRequests")] IReadOnlyList<DemoAzurePullRequest> PullRequests);
