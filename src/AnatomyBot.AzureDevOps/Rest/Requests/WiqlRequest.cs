namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A WIQL query: <c>{"query":…}</c>.</summary>
internal sealed record WiqlRequest(string Query);
