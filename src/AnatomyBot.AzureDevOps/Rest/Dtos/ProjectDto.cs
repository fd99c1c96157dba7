namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record ProjectDto(string Id, string? Name);
