using System.Text.Json.Serialization;

namespace AnatomyBot.Cli.Demo;

/// <summary>An Azure Repos pull request of the scripted week, with the work items it links and the files it changes.</summary>
internal sealed record DemoAzurePullRequest(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("workItems")] IReadOnlyList<int> WorkItems,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);
