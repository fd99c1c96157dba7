namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>A thread's new status: <c>{"status":…}</c>.</summary>
internal sealed record StatusRequest(string Status);
