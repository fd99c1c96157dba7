namespace AnatomyBot.AzureDevOps.Rest.Dtos;

public sealed record WorkItemReferenceDto(int Id, string? Url);
