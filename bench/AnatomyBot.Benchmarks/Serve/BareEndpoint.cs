using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>The baseline: Kestrel on loopback with serve's route and body limit, answering 202 without looking at the
/// request (Kestrel still receives and discards the body).</summary>
internal static class BareEndpoint
{
    public static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder(AnatomyBot.Cli.Hosting.PipelineComposition.HostArgs);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32L * 1024 * 1024);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/github/webhooks", () => Results.StatusCode(StatusCodes.Status202Accepted));
        return app;
    }
}
