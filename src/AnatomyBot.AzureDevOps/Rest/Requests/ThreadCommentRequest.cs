namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A pull request thread's comment: <c>{"parentCommentId":…,"content":…,"commentType":"text"}</c>.</summary>
internal sealed record ThreadCommentRequest(int ParentCommentId, string Content, string CommentType);
