namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Sets the <c>Authorization</c> header on every attempt (a retried request may need a refreshed token).</summary>
public sealed class AuthenticationHandler(IAzureDevOpsCredential credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = await credential.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
