namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record StatusContextDto(string? Genre, string? Name);
