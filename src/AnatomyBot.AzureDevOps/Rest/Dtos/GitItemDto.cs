namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A file in a repository (<see cref="Content"/> only when asked for with <c>includeContent=true</c>).</summary>
public sealed record GitItemDto(string? Path, string? ObjectId, string? CommitId, bool IsFolder, string? Content);
