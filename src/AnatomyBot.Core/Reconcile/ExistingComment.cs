namespace AnatomyBot.Core.Reconcile;

/// <summary>The bot's own comment or thread, found again by its hidden marker. <see cref="Id"/> is the platform's id
/// (GitHub comment id; Azure DevOps <c>threadId/commentId</c>).</summary>
public sealed record ExistingComment(string Id, string Body, bool Resolved = false);
