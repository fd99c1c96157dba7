using System.Text.Json.Serialization;

namespace AnatomyBot.Cli.Demo;

/// <summary>An Azure Boards work item of the scripted week (HTML description and <c>; </c>-separated tags, as Azure DevOps
/// stores them).</summary>
internal sealed record DemoWorkItem(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("tags")] string? Tags,
    [property: JsonPropertyName("parent")] int? Parent);
