namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record CommentDto(int Id, int ParentCommentId, string? Content, string? CommentType, bool IsDeleted, IdentityDto? Author);
