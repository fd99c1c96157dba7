using System.Collections.Concurrent;
using System.Net;

namespace AnatomyBot.GitHub.Http;

/// <summary>Conditional requests for repository contents (the anatomy file): remembers the <c>ETag</c> and body of each
/// contents response and sends <c>If-None-Match</c>; a <c>304 Not Modified</c> (which GitHub does not charge against the
/// rate limit) is turned back into the remembered 200 for Octokit. Keyed by URL and authorization, bounded in size.</summary>
internal sealed class ConditionalGetHandler(ConditionalGetStore store) : DelegatingHandler
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, ConditionalGetStore.CachedResponse> _cache = store.Entries;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri?.AbsolutePath.Contains("/contents/", StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = $"{request.Headers.Authorization}|{request.RequestUri}";
        if (_cache.TryGetValue(key, out var cached))
        {
            request.Headers.IfNoneMatch.Add(cached.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            response.Dispose();
            return cached.ToResponse(request);
        }

        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            var entry = new ConditionalGetStore.CachedResponse(etag, body, response.Content.Headers.ContentType);
            _cache[key] = entry;
            response.Content = entry.ToContent();
        }

        return response;
    }
}
