namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record IdentityDto(string? Id, string? DisplayName, string? UniqueName);
