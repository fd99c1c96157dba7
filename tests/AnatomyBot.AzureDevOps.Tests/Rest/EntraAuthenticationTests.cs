using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Rest;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Rest;

/// <summary><c>AuthMode=Entra</c>: a bearer token for the Azure DevOps resource from the registered (or default)
/// Azure.Identity credential, reused until five minutes before it expires.</summary>
public sealed class EntraAuthenticationTests : IDisposable
{
    private readonly CountingCredential _credential = new();
    private readonly HeaderCapture _capture = new();
    private readonly TestHost _host;

    public EntraAuthenticationTests() => _host = new TestHost(
        new() { ["AzureDevOps:AuthMode"] = "Entra", ["AzureDevOps:PersonalAccessToken"] = null },
        s =>
        {
            s.AddSingleton<TokenCredential>(_credential);
            s.AddHttpClient(AzureDevOpsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _capture);
        });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task EveryRequest_CarriesABearerTokenForTheAzureDevOpsResource_ReusedWhileFresh()
    {
        _credential.ExpiresOn = _host.Time.GetUtcNow().AddHours(1);
        var client = _host.Get<AzureDevOpsClient>();

        await client.GetWorkItemAsync(1, CancellationToken.None);
        await client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal(["499b84ac-1321-427f-aa17-267ca6975798/.default"], Assert.Single(_credential.Requests));
        Assert.All(_capture.Authorizations, a => Assert.Equal(("Bearer", "token-1"), (a!.Scheme, a.Parameter)));
        Assert.Equal(2, _capture.Authorizations.Count);
    }

    [Fact]
    public async Task TokenCloseToExpiry_IsRefreshedBeforeTheNextRequest()
    {
        _credential.ExpiresOn = _host.Time.GetUtcNow().AddMinutes(30);
        var client = _host.Get<AzureDevOpsClient>();
        await client.GetWorkItemAsync(1, CancellationToken.None);

        _host.Time.Advance(TimeSpan.FromMinutes(26));
        _credential.ExpiresOn = _host.Time.GetUtcNow().AddHours(1);
        await client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal(2, _credential.Requests.Count);
        Assert.Equal(["token-1", "token-2"], _capture.Authorizations.Select(a => a!.Parameter));
    }

    private sealed class CountingCredential : TokenCredential
    {
        public List<string[]> Requests { get; } = [];

        public DateTimeOffset ExpiresOn { get; set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Add(requestContext.Scopes);
            return new AccessToken($"token-{Requests.Count}", ExpiresOn);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class HeaderCapture : HttpMessageHandler
    {
        public List<AuthenticationHeaderValue?> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization);
            return Task.FromResult(FakeAzureDevOps.Json(JsonNode.Parse("""{ "id": 1, "rev": 1, "fields": {} }""")));
        }
    }
}
