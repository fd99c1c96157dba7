namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>One operation of an <c>application/json-patch+json</c> body.</summary>
public sealed record JsonPatchOperation(string Op, string Path, object? Value);
