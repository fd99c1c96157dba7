using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary><c>AzureDevOps:Anatomy:GitHub</c>: the file in a GitHub (or GitHub Enterprise Server) repository. Keeps the
/// last text with its <c>ETag</c> and revalidates with <c>If-None-Match</c>, so an unchanged file costs a 304 and no
/// quota; GitHub's rate limits hold back only these reads (a gate of their own, not Azure DevOps'). Each read counts as
/// an API call of the delivery that made it.</summary>
public sealed class GitHubAnatomyFileSource(
    Func<GitHubContentsClient> client,
    AnatomySourceOptions source,
    TimeSpan maxInlineWait,
    TimeProvider timeProvider) : IAnatomyFileSource
{
    private readonly RateLimitGate _gate = new(timeProvider);
    private readonly Lock _lock = new();
    private (string ETag, string Text)? _held;

    public string Description => $"GitHub {Request(null)}";

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        (string ETag, string Text)? held;
        lock (_lock)
        {
            held = _held;
        }

        var file = await client().GetFileAsync(Request(held?.ETag), _gate, maxInlineWait, ApiCallTally.Current, cancellationToken).ConfigureAwait(false);
        switch (file.Status)
        {
            case GitHubFileStatus.NotModified when held is { } copy:
                return copy.Text;
            case GitHubFileStatus.Found:
                lock (_lock)
                {
                    _held = string.IsNullOrEmpty(file.ETag) ? null : (file.ETag, file.Text!);
                }

                return file.Text;
            case GitHubFileStatus.NotFound:
                lock (_lock)
                {
                    _held = null;
                }

                return null;
            default:
                throw new AnatomyUnavailableException($"GitHub answered 304 for {Request(null)} although no copy was held");
        }
    }

    private GitHubFileRequest Request(string? etag)
    {
        source.GitHub.TrySplitRepository(out var owner, out var name);
        return new GitHubFileRequest(source.GitHub.EffectiveBaseUrl, owner, name, source.Path, source.Branch, source.GitHub.Token, etag);
    }
}
