using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Sends <see cref="WebhookRequest"/>s to their <c>serve</c> route on loopback, many at once.</summary>
internal sealed class WebhookClient(Uri serveBaseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = serveBaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<WebhookAnswer> SendAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Route)
        {
            Content = request.Chunked ? new StreamContent(new MemoryStream(request.Body)) : new ByteArrayContent(request.Body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TransferEncodingChunked = request.Chunked;
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(message, cancellationToken);
        return new WebhookAnswer(request, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The status, or null when the server closed the connection before the request was fully sent.</summary>
    public async Task<int?> TrySendAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendAsync(request, cancellationToken)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Sends every request with at most <paramref name="concurrency"/> in flight; answers in completion order.</summary>
    public async Task<IReadOnlyList<WebhookAnswer>> SendAllAsync(IEnumerable<WebhookRequest> requests, int concurrency, CancellationToken cancellationToken)
    {
        var answers = new ConcurrentQueue<WebhookAnswer>();
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (request, ct) => answers.Enqueue(await SendAsync(request, ct)));
        return [.. answers];
    }

    public async Task<int> HealthAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
