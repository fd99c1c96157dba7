using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>Project and repository ids from a service hook or a work item's links become API path segments only when
/// they are plain names (<c>^[A-Za-z0-9][A-Za-z0-9._-]*$</c>; Azure DevOps sends GUIDs); <c>..</c> never reaches a URL.</summary>
public sealed class HostileNameTests : HandlerTestBase
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../../_apis")]
    [InlineData("-x")]
    public async Task Deliver_PullRequestWithHostileRepositoryId_MakesNoApiCall(string repositoryId)
    {
        var result = await Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5, repositoryId.Replace("\\", "\\\\", StringComparison.Ordinal)));

        Assert.Empty(Fake.Requests);
        Assert.Empty(result.Evaluations);
    }

    [Fact]
    public void TryRead_PullRequestWithDotDotProject_ReadsNoSubject()
    {
        const string body = """
            { "id": "x", "eventType": "git.pullrequest.updated",
              "resource": { "pullRequestId": 5, "repository": { "id": "r1", "project": { "id": ".." } } } }
            """;

        Assert.False(NotificationSubjectReader.TryRead("git.pullrequest.updated", body, out _, out _));
    }

    [Theory]
    [InlineData("vstfs:///Git/PullRequestId/..%2Fr1%2F5")]
    [InlineData("vstfs:///Git/PullRequestId/p1%2F..%2F5")]
    public void TryParseArtifactLink_DotDotSegment_IsNoPullRequest(string url) =>
        Assert.False(PullRequestIds.TryParseArtifactLink(url, out _));

    [Fact]
    public void BuildUri_DotDotValue_Throws() =>
        Assert.Throws<ArgumentException>(() => AzureDevOpsOperations.GetPullRequest.BuildUri(
            new Uri("https://dev.azure.com/contoso/"),
            new Dictionary<string, string> { ["project"] = "..", ["repositoryId"] = "r1", ["pullRequestId"] = "5" }));
}
