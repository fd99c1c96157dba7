using System.Net.Http.Headers;
using System.Text;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>A personal access token as the basic-auth password with an empty user name, as Azure DevOps documents.</summary>
public sealed class PatCredential(string personalAccessToken) : IAzureDevOpsCredential
{
    private readonly AuthenticationHeaderValue _header =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + personalAccessToken)));

    public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_header);
}
