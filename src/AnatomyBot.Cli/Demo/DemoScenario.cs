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
    public static DemoScenario Parse(string json) =>
        JsonSerializer.Deserialize(json, Hosting.CliJsonContext.Default.DemoScenario) ?? throw new InvalidDataException("The demo scenario is empty.");
}

/// <summary>The GitHub repository's items and <c>Collaborators</c>: each login's permission on the repository
/// (<c>write</c>, <c>maintain</c>, …), which GitHub answers when a comment command asks.</summary>
internal sealed record DemoGitHubBacklog(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("items")] IReadOnlyList<DemoGitHubItem> Items,
    [property: JsonPropertyName("collaborators")] IReadOnlyDictionary<string, string>? Collaborators = null);

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
    [property: JsonPropertyName("duplicateOfPrevious")] bool DuplicateOfPrevious = false,
    [property: JsonPropertyName("comment")] string? Comment = null,
    [property: JsonPropertyName("author")] string? Author = null)
{
    public bool OnAzureDevOps => Platform == "azure-devops";

    /// <summary>A person writes <see cref="Comment"/> (as <see cref="Author"/>) on the item: an issue or pull-request
    /// comment on GitHub; on Azure DevOps a pull-request thread, or a comment in a work item's discussion
    /// (<c>workitem.commented</c>).</summary>
    public bool IsComment => Comment is not null;

    /// <summary>Whether the step comments in a work item's discussion rather than on a pull request.</summary>
    public bool IsWorkItemComment => IsComment && Event == "workitem.commented";
}
