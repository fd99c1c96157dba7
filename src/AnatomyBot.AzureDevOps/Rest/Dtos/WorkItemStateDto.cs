namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>One state of a work item type (<c>GET …/wit/workitemtypes/{type}/states</c>): its name and the category the
/// process puts it in (<c>Proposed</c>, <c>InProgress</c>, <c>Resolved</c>, <c>Completed</c>, <c>Removed</c>).</summary>
public sealed record WorkItemStateDto(string? Name, string? Color, string? Category);
