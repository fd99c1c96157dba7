using System.Diagnostics;
using System.Net.Http.Headers;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>The load generator: signed GitHub deliveries, each with a fresh <c>X-GitHub-Delivery</c>, posted by
/// <see cref="Concurrency"/> workers over kept-alive loopback connections; every request's latency is recorded, and any
/// answer but 202 fails the run.</summary>
internal sealed class AckLoad(int concurrency, IReadOnlyList<(byte[] Body, string Signature)> payloads) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private string[] _ids = [];

    public int Concurrency => concurrency;

    /// <summary>New delivery ids for the next burst, so serve stores every one (no duplicate short-cut).</summary>
    public void Prepare(int requests) => _ids = [.. Enumerable.Range(0, requests).Select(_ => Guid.NewGuid().ToString())];

    public async Task<AckRun> RunAsync(Uri endpoint)
    {
        var latencies = new long[_ids.Length];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < _ids.Length)
            {
                var begin = Stopwatch.GetTimestamp();
                await SendAsync(endpoint, _ids[i], payloads[i % payloads.Count]);
                latencies[i] = Stopwatch.GetTimestamp() - begin;
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new AckRun(latencies, elapsed);
    }

    private async Task SendAsync(Uri endpoint, string deliveryId, (byte[] Body, string Signature) payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "pull_request");
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-Hub-Signature-256", payload.Signature);
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/bench");
        using var response = await _http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
