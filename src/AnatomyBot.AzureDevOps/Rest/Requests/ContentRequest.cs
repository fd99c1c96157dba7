namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A pull request comment's or a wiki page's body: <c>{"content":…}</c>.</summary>
internal sealed record ContentRequest(string Content);
