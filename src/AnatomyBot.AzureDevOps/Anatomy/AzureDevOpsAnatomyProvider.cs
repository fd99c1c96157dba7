using System.Security.Cryptography;
using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>Reads <c>anatomy.yml</c> from its <see cref="IAnatomyFileSource"/>, parses it, and keeps it for
/// <paramref name="cacheFor"/>; the file is parsed again only when its text changed (the version is the SHA-256 of the
/// text). Concurrent readers share one read.</summary>
public sealed class AzureDevOpsAnatomyProvider(
    IAnatomyFileSource source,
    TimeSpan cacheFor,
    TimeProvider timeProvider,
    Func<string, AnatomyParseResult> parse) : IAnatomyProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public string? CachedVersion => _cached?.Loaded.Version;

    public async Task<LoadedAnatomy> GetAsync(string? requiredVersion, CancellationToken cancellationToken)
    {
        if (Usable(_cached, requiredVersion) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have read the file while this one waited.
            if (Usable(_cached, requiredVersion) is { } shared)
            {
                return shared;
            }

            return await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        if (_cached is { } cached)
        {
            _cached = cached with { LoadedAt = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => _gate.Dispose();

    private LoadedAnatomy? Usable(Cached? cached, string? requiredVersion)
    {
        if (cached is null)
        {
            return null;
        }

        // A required version is what a queued re-evaluation must see: an older copy is read again whatever its age, the
        // right one is used whatever its age. Without one, the copy serves while it is fresh.
        return requiredVersion is not null
            ? string.Equals(cached.Loaded.Version, requiredVersion, StringComparison.OrdinalIgnoreCase) ? cached.Loaded : null
            : timeProvider.GetUtcNow() - cached.LoadedAt < cacheFor ? cached.Loaded : null;
    }

    private async Task<LoadedAnatomy> ReadAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var text = await source.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AnatomyUnavailableException($"the anatomy file was not found: {source.Description}");
        if (Encoding.UTF8.GetByteCount(text) > IAnatomyFileSource.MaxFileBytes)
        {
            throw new AnatomyUnavailableException($"{source.Description} is larger than {IAnatomyFileSource.MaxFileBytes} bytes");
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (_cached is { } same && same.Loaded.Version == version)
        {
            _cached = same with { LoadedAt = now };
            return same.Loaded;
        }

        var result = parse(text);
        if (!result.IsValid)
        {
            var errors = string.Join("; ", result.Errors.Take(5).Select(e => e.ToString()));
            throw new AnatomyUnavailableException($"anatomy.yml is invalid ({result.Errors.Count} error(s)) in {source.Description}: {errors}");
        }

        var loaded = new LoadedAnatomy(result.Anatomy!, version);
        _cached = new Cached(loaded, now);
        return loaded;
    }

    private sealed record Cached(LoadedAnatomy Loaded, DateTimeOffset LoadedAt);
}
