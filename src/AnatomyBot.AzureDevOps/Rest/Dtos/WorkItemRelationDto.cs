using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A work-item relation: <c>System.LinkTypes.Hierarchy-Reverse</c> (parent), <c>-Forward</c> (child), or an
/// <c>ArtifactLink</c> such as <c>vstfs:///Git/PullRequestId/{project}%2F{repository}%2F{id}</c>.</summary>
public sealed record WorkItemRelationDto(string Rel, string Url, IReadOnlyDictionary<string, JsonElement>? Attributes);
