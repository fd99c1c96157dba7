using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Auth;

/// <summary>Who the bot is on GitHub, so that it acts only on what it can prove is its own. In App mode the App itself
/// (<c>GET /app</c> with the App's JWT): its comments are written by <c>{slug}[bot]</c> and its check runs carry the
/// App's id. In token mode the token's user (<c>GET /user</c>) writes the comments; the app behind the check runs a token
/// creates is not knowable beforehand, so it is taken from the first check run the bot creates in this process, and until
/// then no existing check run counts as the bot's. Asked once per process and kept (one identity for the one configured
/// credential); a failed lookup is not kept, so the next delivery asks again.</summary>
public sealed class GitHubBotIdentity(GitHubTokenSource tokens, IOptions<GitHubOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Self? _self;
    private long _tokenCheckRunApp;

    /// <summary>The login that writes the bot's comments, and the app id of its check runs (null while unknown).</summary>
    public sealed record Self(string Login, long? CheckRunAppId)
    {
        /// <summary>Whether <paramref name="login"/> is the login the bot writes as (GitHub logins ignore case).</summary>
        public bool Is(string? login) => string.Equals(login, Login, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bot's identity; <paramref name="client"/> is the client acting with the configured token (token mode).</summary>
    public async Task<Self> GetAsync(IGitHubClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (Volatile.Read(ref _self) is not { } self)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                self = _self ??= await ResolveAsync(client).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        return self.CheckRunAppId is null && Interlocked.Read(ref _tokenCheckRunApp) is > 0 and var learnt ? self with { CheckRunAppId = learnt } : self;
    }

    /// <summary>The bot's identity once this process has asked for it (any reconcile does, before its first write); null
    /// before. Never calls GitHub.</summary>
    public Self? Known => Volatile.Read(ref _self);

    /// <summary>Token mode: the app of a check run the bot has just created with its token.</summary>
    public void CreatedCheckRunOf(long appId)
    {
        if (!options.Value.UsesApp && appId > 0)
        {
            Interlocked.CompareExchange(ref _tokenCheckRunApp, appId, 0);
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Self> ResolveAsync(IGitHubClient client)
    {
        if (options.Value.UsesApp)
        {
            var app = await tokens.GetAppAsync().ConfigureAwait(false);
            return new Self($"{app.Slug}[bot]", app.Id);
        }

        var user = await client.User.Current().ConfigureAwait(false);
        return new Self(user.Login, null);
    }
}
