namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A linked work item of a pull request (<c>id</c> is the work-item id as text).</summary>
public sealed record ResourceRefDto(string Id, string? Url);
