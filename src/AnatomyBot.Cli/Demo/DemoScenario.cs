using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnatomyBot.Cli.Demo;

/// <summary>The scripted week (<c>samples/onboarding/demo/week.json</c>): the backlog the fake APIs start with, and the steps.</summary>
internal sealed record DemoScenario(
    [property: JsonPropertyName("week")] string Week,
    [property: JsonPropertyName("github")] DemoGitHubBacklog GitHub,
    [property: JsonPropertyName("azureDevOps")] DemoAzureDevOpsBacklog AzureDevOps,
    [property: JsonPropertyName("steps")] IReadOnlyList<DemoStep> Steps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DemoScenario Parse(string json) =>
        JsonSerializer.Deserialize<DemoScenario>(json, Json) ?? throw new InvalidDataException("The demo scenario is empty.");
}

internal sealed record DemoGitHubBacklog(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("items")] IReadOnlyList<DemoGitHubItem> Items);

internal sealed record DemoGitHubItem(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("labels")] IReadOnlyList<string>? Labels,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("files")] IReadOnlyList<string>? Files)
{
    public bool IsPullRequest => Kind == "pull-request";
}

internal sealed record DemoStep(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("say")] string Say,
    [property: JsonPropertyName("event")] string? Event = null,
    [property: JsonPropertyName("action")] string? Action = null,
    [property: JsonPropertyName("number")] int Number = 0,
    [property: JsonPropertyName("appendBody")] string? AppendBody = null,
    [property: JsonPropertyName("addTags")] string? AddTags = null,
    [property: JsonPropertyName("duplicateOfPrevious")] bool DuplicateOfPrevious = false)
{
    public bool OnAzureDevOps => Platform == "azure-devops";
}
