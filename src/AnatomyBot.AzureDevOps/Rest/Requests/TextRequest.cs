namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A work item comment's body: <c>{"text":…}</c>.</summary>
internal sealed record TextRequest(string Text);
