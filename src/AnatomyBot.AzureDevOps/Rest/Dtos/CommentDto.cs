namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A pull-request thread comment; <see cref="LastContentUpdatedDate"/> after <see cref="PublishedDate"/> means
/// its text was edited.</summary>
public sealed record CommentDto(
    int Id,
    int ParentCommentId,
    string? Content,
    string? CommentType,
    bool IsDeleted,
    IdentityDto? Author,
    DateTimeOffset? PublishedDate = null,
    DateTimeOffset? LastContentUpdatedDate = null);
