using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace AnatomyBot.GitHub.Auth;

/// <summary>Builds Octokit clients over <see cref="IHttpMessageHandlerFactory"/> (so the resilience, rate-limit, ETag and
/// counting handlers apply) against <see cref="GitHubOptions.BaseUrl"/> (github.com, GitHub Enterprise Server or a fake).</summary>
public sealed class GitHubClientFactory(IHttpMessageHandlerFactory handlers, IOptions<GitHubOptions> options)
{
    public const string HttpClientName = "AnatomyBot.GitHub";

    /// <summary>A client whose credentials are asked for on every request (so a re-minted token is picked up).</summary>
    public IGitHubClient Create(Func<CancellationToken, ValueTask<string?>> token, AuthenticationType type = AuthenticationType.Oauth)
    {
        var connection = new Connection(
            new ProductHeaderValue(options.Value.UserAgent),
            options.Value.BaseUrl,
            new TokenCredentialStore(token, type),
            new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName)),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    /// <summary>A client acting as one App installation: its requests carry the installation's placeholder credential,
    /// which <see cref="InstallationTokenHandler"/> swaps for a token scoped to each call.</summary>
    public IGitHubClient CreateForInstallation(long installationId) =>
        Create(_ => new ValueTask<string?>(InstallationTokenHandler.Placeholder(installationId)));

    private sealed class TokenCredentialStore(Func<CancellationToken, ValueTask<string?>> token, AuthenticationType type) : ICredentialStore
    {
        public async Task<Credentials> GetCredentials()
        {
            var value = await token(CancellationToken.None).ConfigureAwait(false);
            return value is null ? Credentials.Anonymous : new Credentials(value, type);
        }
    }
}
