namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A pull-request (iteration) status. <see cref="State"/>: <c>succeeded</c>, <c>failed</c>, <c>pending</c>,
/// <c>error</c>, <c>notApplicable</c>, <c>notSet</c>. <see cref="CreatedBy"/>: the identity that posted it.</summary>
public sealed record StatusDto(int Id, string? State, string? Description, StatusContextDto? Context, string? TargetUrl, int? IterationId, IdentityDto? CreatedBy = null);
