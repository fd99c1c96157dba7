namespace AnatomyBot.AzureDevOps.Rest.Dtos;

/// <summary>A flat WIQL query's answer: the matching ids (the fields are read afterwards with <c>workitemsbatch</c>).</summary>
public sealed record WiqlResultDto(IReadOnlyList<WorkItemReferenceDto>? WorkItems);
