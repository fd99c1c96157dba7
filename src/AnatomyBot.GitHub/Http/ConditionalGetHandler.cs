using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace AnatomyBot.GitHub.Http;

/// <summary>Conditional requests for repository contents (the anatomy file): remembers the <c>ETag</c> and body of each
/// contents response and sends <c>If-None-Match</c>; a <c>304 Not Modified</c> (which GitHub does not charge against the
/// rate limit) is turned back into the remembered 200 for Octokit. Keyed by URL and authorization, bounded in size.</summary>
internal sealed class ConditionalGetHandler : DelegatingHandler
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, CachedResponse> _cache = new(StringComparer.Ordinal);

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

            var entry = new CachedResponse(etag, body, response.Content.Headers.ContentType);
            _cache[key] = entry;
            response.Content = entry.ToContent();
        }

        return response;
    }

    private sealed record CachedResponse(EntityTagHeaderValue ETag, byte[] Body, MediaTypeHeaderValue? ContentType)
    {
        public ByteArrayContent ToContent()
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = ContentType;
            return content;
        }

        public HttpResponseMessage ToResponse(HttpRequestMessage request)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = ToContent() };
            response.Headers.ETag = ETag;
            return response;
        }
    }
}
