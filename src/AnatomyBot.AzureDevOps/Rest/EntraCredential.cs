using System.Net.Http.Headers;
using Azure.Core;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>A Microsoft Entra bearer token for Azure DevOps (resource <c>499b84ac-1321-427f-aa17-267ca6975798</c>) from
/// any Azure.Identity credential, reused until five minutes before it expires.</summary>
public sealed class EntraCredential(TokenCredential credential, TimeProvider timeProvider) : IAzureDevOpsCredential, IDisposable
{
    public const string Scope = "499b84ac-1321-427f-aa17-267ca6975798/.default";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken _token;

    public async ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (!IsFresh(_token))
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!IsFresh(_token))
                {
                    _token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _refresh.Release();
            }
        }

        return new AuthenticationHeaderValue("Bearer", _token.Token);
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(AccessToken token) =>
        token.Token is not null && token.ExpiresOn - TimeSpan.FromMinutes(5) > timeProvider.GetUtcNow();
}
