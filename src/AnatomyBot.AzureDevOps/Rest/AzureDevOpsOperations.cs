namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Every operation the client can call. Templates follow the published 7.1 REST specification
/// (MicrosoftDocs/vsts-rest-api-specs, <c>wit/7.1/workItemTracking.json</c>, <c>git/7.1/git.json</c> and
/// <c>hooks/7.1/serviceHooks.json</c>).</summary>
public static class AzureDevOpsOperations
{
    public const string Version = "7.1";

    private const string PullRequest = "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}";

    public static ApiOperation WorkItemsBatch { get; } = new("Work Items_Get Work Items Batch", HttpMethod.Post, "{project}/_apis/wit/workitemsbatch", Version, IsWrite: false, IsIdempotent: true);

    public static ApiOperation GetWorkItem { get; } = new("Work Items_Get Work Item", HttpMethod.Get, "{project}/_apis/wit/workitems/{id}", Version, false, true);

    /// <summary>Guarded by a <c>test</c> on <c>/rev</c>, so a retry after an unknown outcome can never overwrite a newer revision.</summary>
    public static ApiOperation UpdateWorkItem { get; } = new("Work Items_Update", HttpMethod.Patch, "{project}/_apis/wit/workitems/{id}", Version, true, true);

    /// <summary>A work item type's states with their categories: whether a state ends the item's life is read here, not
    /// guessed from its name.</summary>
    public static ApiOperation WorkItemTypeStates { get; } = new("Work Item Type States_List", HttpMethod.Get, "{project}/_apis/wit/workitemtypes/{type}/states", Version, false, true);

    public static ApiOperation GetPullRequest { get; } = new("Pull Requests_Get Pull Request", HttpMethod.Get, "{project}/_apis/git/repositories/{repositoryId}/pullrequests/{pullRequestId}", Version, false, true);

    public static ApiOperation PullRequestWorkItems { get; } = new("Pull Request Work Items_List", HttpMethod.Get, PullRequest + "/workitems", Version, false, true);

    public static ApiOperation ListIterations { get; } = new("Pull Request Iterations_List", HttpMethod.Get, PullRequest + "/iterations", Version, false, true);

    public static ApiOperation IterationChanges { get; } = new("Pull Request Iteration Changes_Get", HttpMethod.Get, PullRequest + "/iterations/{iterationId}/changes", Version, false, true);

    public static ApiOperation ListThreads { get; } = new("Pull Request Threads_List", HttpMethod.Get, PullRequest + "/threads", Version, false, true);

    public static ApiOperation GetThread { get; } = new("Pull Request Threads_Get", HttpMethod.Get, PullRequest + "/threads/{threadId}", Version, false, true);

    /// <summary>Not idempotent: after a 5xx the thread may exist, so the delivery is retried from a fresh read instead.</summary>
    public static ApiOperation CreateThread { get; } = new("Pull Request Threads_Create", HttpMethod.Post, PullRequest + "/threads", Version, true, false);

    public static ApiOperation UpdateThread { get; } = new("Pull Request Threads_Update", HttpMethod.Patch, PullRequest + "/threads/{threadId}", Version, true, true);

    public static ApiOperation UpdateComment { get; } = new("Pull Request Thread Comments_Update", HttpMethod.Patch, PullRequest + "/threads/{threadId}/comments/{commentId}", Version, true, true);

    /// <summary>Not idempotent: a reply posted twice shows twice; a command's reply is written once after its audit entry.</summary>
    public static ApiOperation CreateThreadComment { get; } = new("Pull Request Thread Comments_Create", HttpMethod.Post, PullRequest + "/threads/{threadId}/comments", Version, true, false);

    public static ApiOperation ListIterationStatuses { get; } = new("Pull Request Iteration Statuses_List", HttpMethod.Get, PullRequest + "/iterations/{iterationId}/statuses", Version, false, true);

    public static ApiOperation CreateIterationStatus { get; } = new("Pull Request Iteration Statuses_Create", HttpMethod.Post, PullRequest + "/iterations/{iterationId}/statuses", Version, true, false);

    public static ApiOperation GetItem { get; } = new("Items_Get", HttpMethod.Get, "{project}/_apis/git/repositories/{repositoryId}/items", Version, false, true);

    /// <summary>A read despite the POST: the WIQL travels in the body. The specification's path carries an optional
    /// <c>{team}</c> segment (<c>x-ms-required: false</c>), left out here so the query runs project-wide.</summary>
    public static ApiOperation QueryByWiql { get; } = new("Wiql_Query By Wiql", HttpMethod.Post, "{project}/_apis/wit/wiql", Version, false, true);

    public static ApiOperation ListPullRequestsByProject { get; } = new("Pull Requests_Get Pull Requests By Project", HttpMethod.Get, "{project}/_apis/git/pullrequests", Version, false, true);

    public static ApiOperation DeleteComment { get; } = new("Pull Request Thread Comments_Delete", HttpMethod.Delete, PullRequest + "/threads/{threadId}/comments/{commentId}", Version, true, true);

    /// <summary>The project's Git repositories (<c>doctor</c>'s probe of Code (read), and the project's id).</summary>
    public static ApiOperation ListRepositories { get; } = new("Repositories_List", HttpMethod.Get, "{project}/_apis/git/repositories", Version, false, true);

    /// <summary>Branch policy configurations, paged by <c>continuationToken</c> (the <c>x-ms-continuationtoken</c> answer
    /// header); the Git specification's copy of the policy API, which the corpus does not hold itself.</summary>
    public static ApiOperation ListPolicyConfigurations { get; } = new("Policy Configurations_Get", HttpMethod.Get, "{project}/_apis/git/policy/configurations", Version, false, true);

    /// <summary>The organisation's service hook subscriptions (<c>hooks/7.1/serviceHooks.json</c>).</summary>
    public static ApiOperation ListSubscriptions { get; } = new("Subscriptions_List", HttpMethod.Get, "_apis/hooks/subscriptions", Version, false, true);

    /// <summary>The work-item Comments API exists only as a preview: its operations take this version.</summary>
    public const string CommentsVersion = "7.1-preview.4";

    private const string WorkItemComments = "{project}/_apis/wit/workItems/{workItemId}/comments";

    /// <summary>A work item's discussion, paged by <c>continuationToken</c> (the specification's <c>comments?</c> path).</summary>
    public static ApiOperation ListWorkItemComments { get; } = new("Comments_Get Comments", HttpMethod.Get, WorkItemComments, CommentsVersion, false, true);

    /// <summary>Not idempotent: after a 5xx the comment may exist, so the delivery is retried from a fresh read instead.</summary>
    public static ApiOperation AddWorkItemComment { get; } = new("Comments_Add Work Item Comment", HttpMethod.Post, WorkItemComments, CommentsVersion, true, false);

    public static ApiOperation UpdateWorkItemComment { get; } = new("Comments_Update Work Item Comment", HttpMethod.Patch, WorkItemComments + "/{commentId}", CommentsVersion, true, true);

    public static ApiOperation DeleteWorkItemComment { get; } = new("Comments_Delete", HttpMethod.Delete, WorkItemComments + "/{commentId}", CommentsVersion, true, true);

    /// <summary>One comment of a work item's discussion, with its version (1 until it is edited).</summary>
    public static ApiOperation GetWorkItemComment { get; } = new("Comments_Get Comment", HttpMethod.Get, WorkItemComments + "/{commentId}", CommentsVersion, false, true);

    /// <summary>A work item as it was at one revision, with the reference of the comment that revision added or edited
    /// (<c>commentVersionRef</c>): how a <c>workitem.commented</c> notification, which names only the item and its
    /// revision, leads to its comment.</summary>
    public static ApiOperation GetWorkItemRevision { get; } = new("Revisions_Get", HttpMethod.Get, "{project}/_apis/wit/workItems/{id}/revisions/{revisionNumber}", Version, false, true);

    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        WorkItemsBatch, GetWorkItem, UpdateWorkItem, WorkItemTypeStates, GetPullRequest, PullRequestWorkItems,
        ListIterations, IterationChanges, ListThreads, GetThread, CreateThread, UpdateThread, UpdateComment, DeleteComment, CreateThreadComment,
        ListIterationStatuses, CreateIterationStatus, GetItem, QueryByWiql, ListPullRequestsByProject,
        ListRepositories, ListPolicyConfigurations, ListSubscriptions,
        ListWorkItemComments, AddWorkItemComment, UpdateWorkItemComment, DeleteWorkItemComment, GetWorkItemComment, GetWorkItemRevision,
    ];
}
