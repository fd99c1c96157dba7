namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>One page of a work item's discussion (the Comments API's <c>CommentList</c>): the comments and, when there
/// are more, the token that reads the next page.</summary>
public sealed record WorkItemCommentListDto(IReadOnlyList<WorkItemCommentDto>? Comments, string? ContinuationToken);
