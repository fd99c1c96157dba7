using System.Text;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests;

/// <summary>Our own service-hook bodies in the documented shapes (not copies of the published samples).</summary>
internal static class Payloads
{
    public static string WorkItemUpdated(int workItemId, string id = "5f1e2d3c-0000-4000-8000-000000000001") => $$"""
        {
          "id": "{{id}}", "eventType": "workitem.updated", "publisherId": "tfs",
          "resource": {
            "id": 7, "workItemId": {{workItemId}}, "rev": 7,
            "fields": { "System.Tags": { "oldValue": "a", "newValue": "a; b" } },
            "revision": { "id": {{workItemId}}, "rev": 7, "fields": { "System.Title": "payload copy, never trusted" } }
          },
          "resourceContainers": { "project": { "id": "00aa00aa-bb11-cc22-dd33-44ee44ee44ee" } }
        }
        """;

    public static string WorkItem(string eventType, int workItemId) => $$"""
        { "id": "n-{{workItemId}}-{{eventType}}", "eventType": "{{eventType}}",
          "resource": { "id": {{workItemId}}, "rev": 3, "fields": { "System.Title": "x" } } }
        """;

    public static string PullRequest(string eventType, int number, string repositoryId = FakeAzureDevOps.DefaultRepositoryId) => $$"""
        { "id": "pr-{{number}}-{{eventType}}", "eventType": "{{eventType}}",
          "resource": { "pullRequestId": {{number}}, "status": "active",
            "repository": { "id": "{{repositoryId}}", "name": "Web", "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}", "name": "Fabrikam" } } } }
        """;

    public static string PullRequestComment(int number) => $$"""
        { "id": "c-{{number}}", "eventType": "ms.vss-code.git-pullrequest-comment-event",
          "resource": {
            "comment": { "id": 2, "parentCommentId": 1, "content": "hi", "commentType": "text" },
            "pullRequest": { "pullRequestId": {{number}}, "repository": { "id": "{{FakeAzureDevOps.DefaultRepositoryId}}", "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}" } } } } }
        """;

    /// <summary>A <c>workitem.commented</c> notification in the published shape: the work item at the revision the comment
    /// made, the comment's text only in <c>System.History</c> and <c>detailedMessage</c>.</summary>
    public static string WorkItemCommented(int workItemId, int rev, string id = "wc-1") => $$"""
        { "id": "{{id}}", "eventType": "workitem.commented", "publisherId": "tfs",
          "detailedMessage": { "text": "User Story #{{workItemId}} commented on.\r\npayload copy, never trusted" },
          "resource": { "id": {{workItemId}}, "rev": {{rev}},
            "fields": { "System.TeamProject": "Fabrikam", "System.WorkItemType": "User Story", "System.History": "payload copy, never trusted" },
            "url": "{{FakeAzureDevOps.DefaultOrganizationUrl}}_apis/wit/workItems/{{workItemId}}" },
          "resourceVersion": "1.0",
          "resourceContainers": { "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}" } } }
        """;

    /// <summary>A comment in thread <paramref name="threadId"/> of pull request 5, as the published comment event names it
    /// (the channel reads the comment again by these ids; the payload's copy of its text is never trusted).</summary>
    public static string PullRequestThreadComment(int threadId, int commentId) => $$"""
        { "id": "c-{{threadId}}-{{commentId}}", "eventType": "ms.vss-code.git-pullrequest-comment-event", "publisherId": "tfs",
          "resource": {
            "comment": { "id": {{commentId}}, "parentCommentId": 0, "content": "payload copy, never trusted", "commentType": "text",
              "_links": { "threads": { "href": "https://dev.azure.com/contoso/_apis/git/repositories/{{FakeAzureDevOps.DefaultRepositoryId}}/pullRequests/5/threads/{{threadId}}" } } },
            "pullRequest": { "pullRequestId": 5, "repository": { "id": "{{FakeAzureDevOps.DefaultRepositoryId}}", "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}" } } } },
          "resourceContainers": { "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}" } } }
        """;

    /// <summary>A push moving <paramref name="refName"/> from <paramref name="oldCommit"/> to <paramref name="newCommit"/>.</summary>
    public static string Push(
        string repositoryName, string id = "push-1", string refName = "refs/heads/main", string oldCommit = "c1", string newCommit = "c2", string defaultBranch = "refs/heads/main") => $$"""
        { "id": "{{id}}", "eventType": "git.push",
          "resource": { "refUpdates": [ { "name": "{{refName}}", "oldObjectId": "{{oldCommit}}", "newObjectId": "{{newCommit}}" } ],
            "repository": { "id": "r-{{repositoryName}}", "name": "{{repositoryName}}", "defaultBranch": "{{defaultBranch}}",
              "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}", "name": "Fabrikam" } },
            "pushId": 14 } }
        """;

    public static Dictionary<string, string> Basic(string password, string user = "azure-devops") => new()
    {
        ["authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")),
    };
}
