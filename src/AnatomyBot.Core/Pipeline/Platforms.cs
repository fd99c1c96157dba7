namespace AnatomyBot.Core.Pipeline;

/// <summary>Platform codes used in delivery records, queue messages and routes.</summary>
public static class Platforms
{
    public const string GitHub = "github";
    public const string AzureDevOps = "azure-devops";
}
