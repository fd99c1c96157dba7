namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>The pull-request fields the bot reads. <see cref="Status"/>: <c>active</c>, <c>completed</c>, <c>abandoned</c>;
/// <see cref="ClosedDate"/> is when it was completed (merged) or abandoned.</summary>
public sealed record PullRequestDto(
    int PullRequestId,
    string? Status,
    string? Title,
    string? Description,
    IdentityDto? CreatedBy,
    RepositoryDto? Repository,
    string? SourceRefName,
    string? TargetRefName,
    bool IsDraft,
    string? Url,
    IReadOnlyList<LabelDto>? Labels = null,
    DateTimeOffset? ClosedDate = null);
