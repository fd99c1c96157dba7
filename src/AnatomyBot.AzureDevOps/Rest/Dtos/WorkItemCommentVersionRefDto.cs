namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>The comment a work item revision added or edited (the specification's <c>WorkItemCommentVersionRef</c>):
/// its id and the version it reached then (1 when the revision added it).</summary>
public sealed record WorkItemCommentVersionRefDto(int CommentId, int Version);
