using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>A platform API answered locally: a loopback Kestrel server (port chosen by the OS) that the real channel clients
/// are pointed at through their base-URL options. It records every request, refuses requests without credentials like the
/// real API, and can answer a share of calls with 500/502/429 + Retry-After to test resilience, or stall every call.</summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApiServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<(string Method, string Path)> Requests { get; } = new();

    /// <summary>Requests no route of the fake answers (a call the real client makes that the fake does not know).</summary>
    public ConcurrentQueue<string> Unserved { get; } = new();

    /// <summary>Share of requests (0..1) answered with a transient failure instead of being served.</summary>
    public double FailureRate { get; set; }

    public int FailuresInjected => _failures;

    /// <summary>How long every request waits before it is served (a remote API's round trip); zero answers at once.</summary>
    public TimeSpan Latency { get; set; }

    private int _failures;

    private readonly Random _random = new(20261123);

    private TaskCompletionSource? _hold;

    /// <summary>Stalls the platform: from now on every request waits, unserved, until <see cref="Release"/> or until its
    /// caller goes away (then nothing is served at all).</summary>
    public void Hold() => Interlocked.CompareExchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Ends a <see cref="Hold"/>: waiting requests whose caller is still there are served.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public static async Task<FakeApiServer> StartAsync(string basePath, Action<IEndpointRouteBuilder> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(Hosting.PipelineComposition.HostArgs);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Use(server.GuardAsync);
        map(app);
        app.MapFallback((HttpContext context) =>
        {
            server.Unserved.Enqueue($"{context.Request.Method} {context.Request.Path.Value}");
            return Results.Json(new { message = "Not Found (fake API has no such route)", path = context.Request.Path.Value }, statusCode: 404);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + basePath);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value + context.Request.QueryString.Value));
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { message = "Requires authentication" });
            return;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (Volatile.Read(ref _hold) is { } hold)
        {
            try
            {
                await hold.Task.WaitAsync(context.RequestAborted);
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
                await ServeAndLoseAnswerAsync(context, next);
            }

            context.Response.StatusCode = status;
            if (status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            await context.Response.WriteAsJsonAsync(new { message = "injected failure" });
            return;
        }

        await next(context);
    }

    private static async Task ServeAndLoseAnswerAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
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
}
