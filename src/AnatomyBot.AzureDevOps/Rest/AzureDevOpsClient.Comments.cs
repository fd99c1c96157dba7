using System.Net;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.AzureDevOps.Rest.Requests;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Work-item discussion through the Comments API (preview, <see cref="AzureDevOpsOperations.CommentsVersion"/>):
/// comments are written as Markdown (<c>?format=markdown</c>), the format the discussion renders as Markdown.</summary>
public sealed partial class AzureDevOpsClient
{
    /// <summary>The largest page the Comments API returns.</summary>
    public const int CommentPageSize = 200;

    /// <summary>The format the bot writes its comments in.</summary>
    public const string CommentFormat = "markdown";

    /// <summary>One page of a work item's comments, oldest first, starting at <paramref name="continuationToken"/> (null:
    /// the first page); null when the work item does not exist.</summary>
    public Task<WorkItemCommentListDto?> GetWorkItemCommentsAsync(int workItemId, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>> { new("$top", Text(CommentPageSize)), new("order", "asc") };
        if (continuationToken is not null)
        {
            query.Add(new("continuationToken", continuationToken));
        }

        return SendAsync<WorkItemCommentListDto>(AzureDevOpsOperations.ListWorkItemComments, Route(("workItemId", Text(workItemId))), query, null, cancellationToken);
    }

    /// <summary>One comment; null when it or the work item is gone (a deleted comment is not served).</summary>
    public Task<WorkItemCommentDto?> GetWorkItemCommentAsync(int workItemId, int commentId, CancellationToken cancellationToken) =>
        SendAsync<WorkItemCommentDto>(
            AzureDevOpsOperations.GetWorkItemComment, Route(("workItemId", Text(workItemId)), ("commentId", Text(commentId))), [], null, cancellationToken);

    /// <summary>The work item at revision <paramref name="revision"/> with its fields and the comment that revision added
    /// or edited; null when the item or the revision does not exist.</summary>
    public Task<WorkItemDto?> GetWorkItemRevisionAsync(int workItemId, int revision, CancellationToken cancellationToken) =>
        SendAsync<WorkItemDto>(
            AzureDevOpsOperations.GetWorkItemRevision, Route(("id", Text(workItemId)), ("revisionNumber", Text(revision))), [], null, cancellationToken);

    /// <summary>Adds a Markdown comment; null when the work item no longer exists.</summary>
    public Task<WorkItemCommentDto?> AddWorkItemCommentAsync(int workItemId, string text, CancellationToken cancellationToken) =>
        SendAsync<WorkItemCommentDto>(
            AzureDevOpsOperations.AddWorkItemComment, Route(("workItemId", Text(workItemId))), [new("format", CommentFormat)],
            Body(new TextRequest(text)), cancellationToken);

    /// <summary>Replaces a comment's text (as Markdown); null when the comment or the work item is gone.</summary>
    public Task<WorkItemCommentDto?> UpdateWorkItemCommentAsync(int workItemId, int commentId, string text, CancellationToken cancellationToken) =>
        SendAsync<WorkItemCommentDto>(
            AzureDevOpsOperations.UpdateWorkItemComment, Route(("workItemId", Text(workItemId)), ("commentId", Text(commentId))), [new("format", CommentFormat)],
            Body(new TextRequest(text)), cancellationToken);

    /// <summary>Deletes a comment; false when it was already gone.</summary>
    public async Task<bool> DeleteWorkItemCommentAsync(int workItemId, int commentId, CancellationToken cancellationToken)
    {
        var operation = AzureDevOpsOperations.DeleteWorkItemComment;
        using var response = await SendRawAsync(operation, Route(("workItemId", Text(workItemId)), ("commentId", Text(commentId))), null, null, cancellationToken).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound && await EnsureSuccessAsync(operation, response, true).ConfigureAwait(false);
    }
}
