namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record LinkDto(string? Href);
