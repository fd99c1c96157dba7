using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A work item as <c>workitemsbatch</c> / <c>workitems/{id}</c> return it with <c>$expand=relations</c>; read at
/// one revision (<c>workItems/{id}/revisions/{n}</c>) it names the comment that revision added or edited.</summary>
public sealed record WorkItemDto(
    int Id,
    int Rev,
    IReadOnlyDictionary<string, JsonElement>? Fields,
    IReadOnlyList<WorkItemRelationDto>? Relations,
    string? Url,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, LinkDto>? Links,
    WorkItemCommentVersionRefDto? CommentVersionRef = null);
