using System.Net.Http.Headers;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Produces the <c>Authorization</c> header for Azure DevOps requests (PAT or Microsoft Entra token).</summary>
public interface IAzureDevOpsCredential
{
    ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken);
}
