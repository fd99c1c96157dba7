namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record RepositoryDto(string Id, string? Name, ProjectDto? Project, string? WebUrl);
