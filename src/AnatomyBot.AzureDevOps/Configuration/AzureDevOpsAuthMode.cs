namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>How the bot authenticates to the Azure DevOps REST API. Codes (configuration): <c>Pat</c>, <c>Entra</c>.</summary>
public enum AzureDevOpsAuthMode
{
    /// <summary>A personal access token sent as the basic-auth password.</summary>
    Pat,

    /// <summary>A Microsoft Entra token (managed identity or service principal through Azure.Identity).</summary>
    Entra,
}
