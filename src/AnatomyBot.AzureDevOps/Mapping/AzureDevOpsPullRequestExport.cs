using System.Text.Json;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>An Azure DevOps pull request as the pull-request list returns it (<c>GET {project}/_apis/git/pullrequests</c>,
/// one element of its <c>value</c>), for readers of exports: its status (a <c>completed</c> one merged at its
/// <c>closedDate</c>), title, description and labels. Linked work items and changed files are not in that answer, so an
/// exported pull request links only what its text mentions (<c>#123</c>, <c>AB#123</c>).</summary>
public static class AzureDevOpsPullRequestExport
{
    /// <summary>Whether <paramref name="json"/> has the shape of one: a <c>pullRequestId</c> and a <c>repository</c>.</summary>
    public static bool IsPullRequest(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("pullRequestId", out _) && json.TryGetProperty("repository", out _);

    public static WorkItemMapResult Map(JsonElement json)
    {
        PullRequestDto? pr;
        try
        {
            pr = json.Deserialize(AzureDevOpsJsonContext.Default.PullRequestDto);
        }
        catch (JsonException exception)
        {
            return WorkItemMapResult.Failure(null, $"not an Azure DevOps pull request: {exception.Message}");
        }

        if (pr is null || pr.PullRequestId <= 0)
        {
            return WorkItemMapResult.Failure(null, "the pull request has no `pullRequestId`");
        }

        var project = pr.Repository?.Project?.Name ?? pr.Repository?.Project?.Id;
        var repository = pr.Repository?.Name ?? pr.Repository?.Id;
        if (string.IsNullOrWhiteSpace(project) || string.IsNullOrWhiteSpace(repository))
        {
            return WorkItemMapResult.Failure(null, $"pull request {pr.PullRequestId} names no repository and project");
        }

        return WorkItemMapResult.Success(PullRequestMapper.MapPullRequest(pr, new PullRequestRef(project, repository, pr.PullRequestId), [], []));
    }
}
