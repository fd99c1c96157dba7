using System.Net.Http.Headers;
using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>A pipeline's <c>System.AccessToken</c> (<c>SYSTEM_ACCESSTOKEN</c>), sent as a bearer token as Azure Pipelines
/// documents; a personal access token goes as basic auth instead (<see cref="PatCredential"/>).</summary>
internal sealed class BearerCredential(string token) : IAzureDevOpsCredential
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_header);
}
