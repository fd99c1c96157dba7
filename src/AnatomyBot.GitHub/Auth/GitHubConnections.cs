using System.Collections.Concurrent;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Auth;

/// <summary>One Octokit client per installation (App mode) or one for the configured token, and which installation each
/// repository belongs to (learnt from deliveries, or asked of the API once in App mode).</summary>
public sealed class GitHubConnections(GitHubClientFactory factory, GitHubTokenSource tokens, IOptions<GitHubOptions> options)
{
    private readonly ConcurrentDictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, IGitHubClient> _clients = new();
    private readonly ConcurrentDictionary<string, byte> _statusOnly = new(StringComparer.OrdinalIgnoreCase);
    private IGitHubClient? _tokenClient;

    /// <summary>Whether the merge gate of <paramref name="repository"/> is the commit status: configured so
    /// (<c>GitHub:MergeGate</c> <c>status</c>), or learnt when its credential was refused a check run.</summary>
    public bool UsesCommitStatus(RepositoryId repository) =>
        options.Value.UsesCommitStatus || _statusOnly.ContainsKey(repository?.ToString() ?? "");

    /// <summary>Notes that the credential of <paramref name="repository"/> cannot create check runs (403): its merge gate
    /// is the commit status from now on.</summary>
    public void RefusedCheckRuns(RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        _statusOnly[repository.ToString()] = 0;
    }

    public void Remember(RepositoryId repository, long? installationId)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (installationId is { } id)
        {
            _installations[repository.ToString()] = id;
        }
    }

    public long? InstallationOf(RepositoryId repository) =>
        _installations.TryGetValue(repository.ToString(), out var id) ? id : null;

    public async Task<IGitHubClient> ForAsync(RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!options.Value.UsesApp)
        {
            return _tokenClient ??= factory.Create(ct => tokens.GetTokenAsync(null, null, ct));
        }

        if (InstallationOf(repository) is not { } id)
        {
            id = await tokens.FindInstallationAsync(repository.Owner, repository.Name).ConfigureAwait(false);
            Remember(repository, id);
        }

        return ForInstallation(id);
    }

    /// <summary>The client acting as one installation of the App, with a token per repository and kind of call.</summary>
    public IGitHubClient ForInstallation(long installationId) =>
        _clients.GetOrAdd(installationId, installation => factory.CreateForInstallation(installation));
}
