namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A pull-request label (tag); inactive ones were removed.</summary>
public sealed record LabelDto(string? Name, bool? Active);
