using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting;
using AnatomyBot.Hosting.Retention;
using AnatomyBot.Hosting.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Hosting;

/// <summary><c>anatomybot serve</c>: the Functions app's two webhook routes on Kestrel, bound to loopback, with the same
/// receiver and processor; the ledger is the inbox.</summary>
internal static class ServeApplication
{
    public const int DefaultPort = 8080;

    /// <summary>Largest body Kestrel lets through; the platform ingress enforces its own (smaller) limit with a 413.</summary>
    private const long KestrelBodyLimit = 32L * 1024 * 1024;

    /// <param name="settings">Store, outbox and configuration file.</param>
    /// <param name="port">Loopback port; 0 lets the OS choose (read it from <c>app.Urls</c> after start).</param>
    /// <param name="configure">Last word on the services (the demo's clock).</param>
    /// <param name="overrides">Configuration values that win over the file and the environment (the demo's generated secrets).</param>
    /// <param name="minimumLevel">Console log level.</param>
    public static WebApplication Build(
        PipelineSettings settings,
        int? port,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        LogLevel minimumLevel = LogLevel.Information)
    {
        var builder = WebApplication.CreateSlimBuilder(PipelineComposition.HostArgs);
        builder.Configuration.AddAnatomyBotSources(settings);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        ServePlatforms.EnsureOneIsConfigured(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(minimumLevel);
        PipelineComposition.QuietFrameworkLogs(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = KestrelBodyLimit);
        if (port is not null || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port ?? DefaultPort}");
        }

        builder.Services.AddAnatomyBotLocal(builder.Configuration, settings);
        builder.Services.AddAnatomyBotTelemetry(builder.Configuration);
        builder.Services.AddHostedService<DeliveryRetentionTimer>();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPost("/api/github/webhooks", (HttpRequest request, WebhookReceiver receiver, CancellationToken ct) => ReceiveAsync(Platforms.GitHub, request, receiver, ct));
        app.MapPost("/api/azure-devops/webhooks", (HttpRequest request, WebhookReceiver receiver, CancellationToken ct) => ReceiveAsync(Platforms.AzureDevOps, request, receiver, ct));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/api/healthz", () => Results.Text("ok"));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string platform, HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken)
    {
        var receipt = await receiver.ReceiveAsync(platform, request, cancellationToken);
        if (receipt.RetryAfter is { } wait)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Text(receipt.Reason, statusCode: receipt.StatusCode);
    }
}
