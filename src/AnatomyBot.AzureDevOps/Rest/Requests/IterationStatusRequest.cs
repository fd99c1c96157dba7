using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A pull request iteration's status: <c>{"state":…,"description":…,"context":{"genre":…,"name":…}}</c>.</summary>
internal sealed record IterationStatusRequest(string State, string Description, StatusContextDto Context);
