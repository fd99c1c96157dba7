using System.Security.Cryptography;
using System.Text;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>Reads <c>anatomy.yml</c> from an Azure Repos file or a local path, parses it, and keeps it for
/// <see cref="AnatomySourceOptions.CacheSeconds"/> (re-parsing only when the content changed).</summary>
public sealed class AzureDevOpsAnatomyProvider(
    AzureDevOpsClient client,
    IOptions<AzureDevOpsOptions> options,
    TimeProvider timeProvider,
    Func<string, AnatomyParseResult> parse) : IAnatomyProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public async Task<EnterpriseAnatomy> GetAsync(CancellationToken cancellationToken)
    {
        var source = options.Value.Anatomy;
        var now = timeProvider.GetUtcNow();
        if (_cached is { } fresh && now - fresh.LoadedAt < TimeSpan.FromSeconds(source.CacheSeconds))
        {
            return fresh.Anatomy;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var text = await ReadAsync(source, cancellationToken).ConfigureAwait(false);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (_cached is { } same && same.Hash == hash)
            {
                _cached = same with { LoadedAt = now };
                return same.Anatomy;
            }

            var result = parse(text);
            if (!result.IsValid)
            {
                var errors = string.Join("; ", result.Errors.Take(5).Select(e => e.ToString()));
                throw new InvalidOperationException($"anatomy.yml is invalid ({result.Errors.Count} error(s)): {errors}");
            }

            _cached = new Cached(result.Anatomy!, hash, now);
            return result.Anatomy!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool IsSourceRepository(string project, string repository)
    {
        var source = options.Value.Anatomy;
        return !string.IsNullOrWhiteSpace(source.Repository)
            && string.Equals(source.Repository, repository, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _gate.Dispose();

    public void Invalidate() => _cached = _cached is { } cached ? cached with { LoadedAt = DateTimeOffset.MinValue } : null;

    private async Task<string> ReadAsync(AnatomySourceOptions source, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(source.LocalPath))
        {
            return await File.ReadAllTextAsync(source.LocalPath, cancellationToken).ConfigureAwait(false);
        }

        var project = string.IsNullOrWhiteSpace(source.Project) ? client.Project : source.Project;
        var file = await client.GetFileAsync(project, source.Repository!, source.Path, source.Branch, cancellationToken).ConfigureAwait(false);
        return file?.Content ?? throw new InvalidOperationException($"anatomy file {source.Path} was not found in repository {source.Repository}");
    }

    private sealed record Cached(EnterpriseAnatomy Anatomy, string Hash, DateTimeOffset LoadedAt);
}
