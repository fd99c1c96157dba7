using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace AnatomyBot.GitHub.Http;

/// <summary>The remembered contents responses (ETag + body) behind <see cref="ConditionalGetHandler"/>.</summary>
internal sealed class ConditionalGetStore
{
    public ConcurrentDictionary<string, CachedResponse> Entries { get; } = new(StringComparer.Ordinal);

    internal sealed record CachedResponse(EntityTagHeaderValue ETag, byte[] Body, MediaTypeHeaderValue? ContentType)
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
