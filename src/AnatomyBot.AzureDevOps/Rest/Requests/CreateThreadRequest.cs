namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A new pull request thread: <c>{"comments":[…],"status":…}</c>.</summary>
internal sealed record CreateThreadRequest(IReadOnlyList<ThreadCommentRequest> Comments, string Status);
