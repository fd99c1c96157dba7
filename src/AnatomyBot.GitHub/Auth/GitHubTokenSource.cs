using System.Collections.Concurrent;
using System.Security.Cryptography;
using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Auth;

/// <summary>App mode: installation tokens minted with the App JWT for one repository and the permissions of one kind of
/// call (<see cref="TokenScope"/>), cached per installation and scope and re-minted five minutes before they expire or
/// after GitHub refused one. Token mode: the configured token. Neither: anonymous.</summary>
public sealed class GitHubTokenSource : IInstallationTokenSource, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<string, IGitHubClient> _appClient;
    private readonly Lazy<RSA>? _key;
    private readonly ConcurrentDictionary<(long Installation, TokenScope Scope), AccessToken> _tokens = new();
    private readonly SemaphoreSlim _mint = new(1, 1);

    public GitHubTokenSource(IOptions<GitHubOptions> options, TimeProvider time, GitHubClientFactory clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        _options = options.Value;
        _time = time;
        _appClient = jwt => clients.Create(_ => new ValueTask<string?>(jwt), AuthenticationType.Bearer);
        if (_options.UsesApp)
        {
            _key = new Lazy<RSA>(() => AppJwt.LoadKey(_options.PrivateKey is { Length: > 0 } pem ? pem : File.ReadAllText(_options.PrivateKeyPath!)));
        }
    }

    public async ValueTask<string?> GetTokenAsync(long? installationId, TokenScope? scope, CancellationToken cancellationToken)
    {
        if (!_options.UsesApp)
        {
            return string.IsNullOrWhiteSpace(_options.Token) ? null : _options.Token;
        }

        if (installationId is not { } id || scope is null)
        {
            throw new InvalidOperationException("GitHub App mode needs the installation id of the delivery and the scope of the call.");
        }

        var key = (id, scope);
        if (Fresh(key) is { } cached)
        {
            return cached;
        }

        await _mint.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(key) is { } minted)
            {
                return minted;
            }

            var response = await _appClient(AppCredentials()).Connection.Post<AccessToken>(
                new Uri($"app/installations/{id}/access_tokens", UriKind.Relative),
                scope.RequestBody(),
                "application/vnd.github+json",
                "application/json",
                (IDictionary<string, string>?)null,
                cancellationToken).ConfigureAwait(false);
            _tokens[key] = response.Body;
            return response.Body.Token;
        }
        finally
        {
            _mint.Release();
        }
    }

    /// <summary>The installation of a repository, for deliveries that do not name one (App mode only).</summary>
    public async Task<long> FindInstallationAsync(string owner, string name)
    {
        var installation = await _appClient(AppCredentials()).GitHubApps.GetRepositoryInstallationForCurrent(owner, name).ConfigureAwait(false);
        return installation.Id;
    }

    /// <summary>The App itself (<c>GET /app</c> with the App's JWT; App mode only): its id and slug.</summary>
    public Task<GitHubApp> GetAppAsync() => _appClient(AppCredentials()).GitHubApps.GetCurrent();

    /// <summary>Every installation of the App (App mode only), listed with the App's JWT.</summary>
    public async Task<IReadOnlyList<long>> ListInstallationsAsync()
    {
        var installations = await _appClient(AppCredentials()).GitHubApps.GetAllInstallationsForCurrent(new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        return [.. installations.Select(i => i.Id)];
    }

    public void Invalidate(long? installationId)
    {
        if (installationId is { } id)
        {
            foreach (var key in _tokens.Keys.Where(k => k.Installation == id))
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }

    public void Dispose()
    {
        _mint.Dispose();
        if (_key is { IsValueCreated: true })
        {
            _key.Value.Dispose();
        }
    }

    private string AppCredentials() => AppJwt.Create(_options.AppId!, _key!.Value, _time.GetUtcNow());

    private string? Fresh((long, TokenScope) key) =>
        _tokens.TryGetValue(key, out var token) && token.ExpiresAt - _time.GetUtcNow() > RefreshMargin ? token.Token : null;
}
