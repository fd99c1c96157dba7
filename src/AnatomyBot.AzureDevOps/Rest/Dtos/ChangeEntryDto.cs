namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record ChangeEntryDto(GitItemDto? Item, string? ChangeType, string? OriginalPath);
