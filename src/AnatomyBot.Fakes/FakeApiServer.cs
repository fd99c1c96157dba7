using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Fakes;

/// <summary>Serves a <see cref="FakeApi"/> on a loopback port the OS chooses, for clients in other processes or behind a
/// real socket (the demo, <c>serve</c> under load). It records every request as it arrives, refuses requests without
/// credentials like the real API, answers a request the fake does not serve with 501 (the fake keeps it in
/// <see cref="FakeApi.Unserved"/>), and can answer a share of calls with 500/502/429 + Retry-After to test resilience, or
/// stall every call.</summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private static readonly string[] HostArgs = ["--hostBuilder:reloadConfigOnChange=false"];
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Transfer-Encoding", "Content-Length", "Connection" };

    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _api;
    private readonly Random _random = new(20261123);
    private int _failures;
    private TaskCompletionSource? _hold;

    private FakeApiServer(WebApplication app, FakeApi api)
    {
        _app = app;
        _api = new HttpMessageInvoker(api, disposeHandler: false);
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request as it arrived (method and path with query), before it is held, failed or served.</summary>
    public ConcurrentQueue<(string Method, string Path)> Requests { get; } = new();

    /// <summary>Share of requests (0..1) answered with a transient failure instead of being served.</summary>
    public double FailureRate { get; set; }

    public int FailuresInjected => _failures;

    /// <summary>How long every request waits before it is served (a remote API's round trip); zero answers at once.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Starts serving <paramref name="api"/> under <paramref name="basePath"/> (e.g. <c>/</c> or <c>/contoso/</c>)
    /// and points the fake's <see cref="FakeApi.BaseUrl"/> at the address.</summary>
    public static async Task<FakeApiServer> StartAsync(FakeApi api, string basePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var builder = WebApplication.CreateSlimBuilder(HostArgs);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app, api);
        app.Use(server.GuardAsync);
        app.Run(server.ForwardAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + basePath);
        api.BaseUrl = server.BaseUrl;
        return server;
    }

    /// <summary>Stalls the platform: from now on every request waits, unserved, until <see cref="Release"/> or until its
    /// caller goes away (then nothing is served at all).</summary>
    public void Hold() => Interlocked.CompareExchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Ends a <see cref="Hold"/>: waiting requests whose caller is still there are served.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _api.Dispose();
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value + context.Request.QueryString.Value));
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteMessageAsync(context, "Requires authentication").ConfigureAwait(false);
            return;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (Volatile.Read(ref _hold) is { } hold)
        {
            try
            {
                await hold.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (FailureRate > 0 && NextFailure() is { } status)
        {
            Interlocked.Increment(ref _failures);
            if (status == StatusCodes.Status502BadGateway)
            {
                // A gateway that lost the answer: the call took effect, the caller only sees the 502.
                await ServeAndLoseAnswerAsync(context, next).ConfigureAwait(false);
            }

            context.Response.StatusCode = status;
            if (status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            await WriteMessageAsync(context, "injected failure").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(context.Request.GetEncodedUrl()));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            request.Content = new ByteArrayContent(buffer.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _api.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (UnservedRequestException e)
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await WriteMessageAsync(context, e.Message).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
            {
                context.Response.Headers[name] = values.ToArray();
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task ServeAndLoseAnswerAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Response.Clear();
    }

    private int? NextFailure()
    {
        lock (_random)
        {
            if (_random.NextDouble() >= FailureRate)
            {
                return null;
            }

            return _random.Next(3) switch { 0 => 500, 1 => 502, _ => 429 };
        }
    }

    /// <summary>Answers <c>{"message":…}</c> as JSON, as the platforms' error bodies read.</summary>
    private static Task WriteMessageAsync(HttpContext context, string message)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString(), context.RequestAborted);
    }
}
