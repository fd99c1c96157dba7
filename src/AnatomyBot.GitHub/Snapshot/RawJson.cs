using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>GET a resource as the JSON GitHub sent, for the Core-side mappers, which read fields Octokit's models lack
/// (<c>parent_issue_url</c>, issue <c>type</c>). Same HTTP pipeline, base address and credentials as the Octokit client;
/// failures map to Octokit's exceptions so callers handle both alike.</summary>
public sealed class RawJson(IHttpClientFactory httpClients, IOptions<GitHubOptions> options)
{
    public async Task<JsonDocument> GetAsync(IGitHubClient client, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var credentials = await client.Connection.CredentialStore.GetCredentials().ConfigureAwait(false);
        using var http = httpClients.CreateClient(GitHubClientFactory.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.Connection.BaseAddress, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(options.Value.UserAgent, "1.0"));
        if (credentials.AuthenticationType != AuthenticationType.Anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                credentials.AuthenticationType == AuthenticationType.Bearer ? "Bearer" : "Token", credentials.Password);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var message = $"GET {path} answered {(int)response.StatusCode}";
            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound => new NotFoundException(message, response.StatusCode),
                HttpStatusCode.Unauthorized => new AuthorizationException(response.StatusCode, new HttpRequestException(message)),
                _ => new ApiException(message, response.StatusCode),
            };
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
