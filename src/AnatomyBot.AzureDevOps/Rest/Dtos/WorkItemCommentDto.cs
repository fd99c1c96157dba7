namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A comment in a work item's discussion (the Comments API's <c>Comment</c>): its id, text as written, the
/// format it was written in (<c>markdown</c> or <c>html</c>), its author, whether it is deleted and its version (1 until
/// it is edited).</summary>
public sealed record WorkItemCommentDto(int Id, string? Text, string? Format, IdentityDto? CreatedBy, bool IsDeleted, int Version = 1);
