namespace AnatomyBot.Core.Linkage;

/// <summary>Which platform an item comes from. Codes (JSON): <c>azure-devops</c>, <c>github</c>.</summary>
public enum ItemSource
{
    AzureDevOps,
    GitHub,
}
