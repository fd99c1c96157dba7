namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record IterationDto(int Id);
