namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>One page of changed files; <see cref="NextSkip"/> is set (non-zero) when another page follows.</summary>
public sealed record IterationChangesDto(IReadOnlyList<ChangeEntryDto>? ChangeEntries, int? NextSkip, int? NextTop);
