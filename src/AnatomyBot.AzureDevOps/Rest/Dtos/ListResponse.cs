namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>Azure DevOps' list envelope <c>{ "count": n, "value": [...] }</c>.</summary>
public sealed record ListResponse<T>(int Count, IReadOnlyList<T>? Value);
