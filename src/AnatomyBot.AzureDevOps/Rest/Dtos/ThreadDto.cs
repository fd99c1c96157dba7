namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A PR comment thread. <see cref="Status"/>: <c>active</c>, <c>pending</c>, <c>fixed</c>, <c>wontFix</c>,
/// <c>closed</c>, <c>byDesign</c>, <c>unknown</c>.</summary>
public sealed record ThreadDto(int Id, string? Status, IReadOnlyList<CommentDto>? Comments, bool IsDeleted);
