using AnatomyBot.Core.Pipeline;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace AnatomyBot.Hosting;

/// <summary>OpenTelemetry for <c>serve</c> and the Functions app: the <see cref="AnatomyBotTelemetry"/> meter and activity
/// source, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to Azure Monitor (Application Insights)
/// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; with neither, nothing is exported.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The service name resources carry (<c>cloud_RoleName</c> in Application Insights).</summary>
    public const string ServiceName = "anatomybot";

    public static OpenTelemetryBuilder AddAnatomyBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.TryAddSingleton(sp => new AnatomyBotTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m.AddMeter(AnatomyBotTelemetry.Name))
            .WithTracing(t => t.AddSource(AnatomyBotTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            builder.UseOtlpExporter();
        }

        if (configuration[ApplicationInsights] is { Length: > 0 } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            builder.UseAzureMonitor(o => o.ConnectionString = connectionString);
        }

        return builder;
    }
}
