using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>The current <c>anatomy.yml</c>, read from its configured source and cached.</summary>
public interface IAnatomyProvider
{
    /// <summary>The version cached by this process, or null before the first read.</summary>
    string? CachedVersion { get; }

    /// <summary>The anatomy, from the cache while it is fresh. With <paramref name="requiredVersion"/> (queued by an anatomy
    /// change) a cached copy of another version is read again first, whatever its age. Throws
    /// <see cref="AnatomyUnavailableException"/> when the file is missing or invalid.</summary>
    Task<LoadedAnatomy> GetAsync(string? requiredVersion, CancellationToken cancellationToken);

    /// <summary>Forget the cached copy's freshness (after a push that changed the file): the next read goes to the source.</summary>
    void Invalidate();
}
