using System.Collections.Concurrent;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Seams;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>Reads the anatomy at the default branch: <c>GitHub:AnatomyPath</c> in the repository, else in the owner's
/// <c>.github</c> repository. The HTTP layer makes these conditional requests (ETag → 304, free of rate limit); parsed
/// results are cached by blob SHA, so an unchanged file is parsed once per process.</summary>
public sealed class AnatomySource(IOptions<GitHubOptions> options, AnatomyTextParser parser)
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, AnatomyParseResult> _parsed = new(StringComparer.Ordinal);

    public async Task<AnatomyLoad> LoadAsync(IGitHubClient client, RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        var path = options.Value.AnatomyPath;
        var candidates = new[] { repository, new RepositoryId(repository.Owner, options.Value.OrganizationConfigRepository) };
        foreach (var candidate in candidates.Distinct())
        {
            var file = await TryReadAsync(client, candidate, path).ConfigureAwait(false);
            if (file is null)
            {
                continue;
            }

            var origin = $"{candidate}:{path}";
            var result = Parse(file);
            return result.IsValid
                ? new AnatomyLoad(AnatomyLoadStatus.Found, result.Anatomy, origin, [])
                : new AnatomyLoad(AnatomyLoadStatus.Invalid, null, origin, result.Errors);
        }

        return AnatomyLoad.Missing;
    }

    /// <summary>Whether <paramref name="repository"/> holds <c>GitHub:AnatomyPath</c> itself (one conditional read).</summary>
    public async Task<bool> HasOwnAsync(IGitHubClient client, RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        return await TryReadAsync(client, repository, options.Value.AnatomyPath).ConfigureAwait(false) is not null;
    }

    private AnatomyParseResult Parse(RepositoryContent file)
    {
        if (_parsed.TryGetValue(file.Sha, out var cached))
        {
            return cached;
        }

        var result = parser(file.Content ?? "");
        if (_parsed.Count >= MaxCached)
        {
            _parsed.Clear();
        }

        _parsed[file.Sha] = result;
        return result;
    }

    private static async Task<RepositoryContent?> TryReadAsync(IGitHubClient client, RepositoryId repository, string path)
    {
        try
        {
            var contents = await client.Repository.Content.GetAllContents(repository.Owner, repository.Name, path).ConfigureAwait(false);
            return contents.FirstOrDefault(c => c.Type.Value == ContentType.File);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
