using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AnatomyBot.Hosting.Tests.Telemetry;

/// <summary>The instruments as an OpenTelemetry exporter sees them (names, kinds, units, tags), through the same
/// registration <c>serve</c> and the Functions app use, with the in-memory exporter added.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public void AddAnatomyBotTelemetry_EveryInstrument_IsExportedWithItsNameKindAndTags()
    {
        var exported = new List<Metric>();
        var services = new ServiceCollection();
        services.AddAnatomyBotTelemetry(new ConfigurationBuilder().Build()).WithMetrics(m => m.AddInMemoryExporter(exported));
        using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<MeterProvider>();
        var telemetry = provider.GetRequiredService<AnatomyBotTelemetry>();
        var delivery = new Delivery { Platform = Platforms.AzureDevOps, Id = "d1", EventName = "workitem.updated", Body = "{}", ReceivedAt = DateTimeOffset.UnixEpoch };
        var evaluation = new ItemEvaluation { Item = new WorkItem { Id = "7", Source = ItemSource.AzureDevOps, Kind = ItemKind.Story, Title = "t" }, Layer = AnatomyBot.Core.Anatomy.Layer.Unmapped, Trace = Trace.Empty, Gaps = [] };
        var gap = new GapEvent(ItemSource.AzureDevOps, "7", GapCodes.NoStage, GapSeverity.Warn, GapEventKind.Opened, DateTimeOffset.UnixEpoch);

        telemetry.Processed(new ProcessingOutcome(ProcessingStatus.Processed, delivery) { Result = new DeliveryResult { Evaluations = [evaluation] }, GapEvents = [gap] }, DateTimeOffset.UnixEpoch.AddSeconds(2));
        telemetry.ApiCall(Platforms.AzureDevOps, isWrite: false, notModified: true);
        telemetry.QuotaRemaining(Platforms.AzureDevOps, 180);
        meters.ForceFlush();

        var byName = exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(MetricType.LongSum, byName["anatomybot.deliveries"].MetricType);
        Assert.Equal(MetricType.Histogram, byName["anatomybot.verdict.duration"].MetricType);
        Assert.Equal("s", byName["anatomybot.verdict.duration"].Unit);
        Assert.Equal(MetricType.LongSumNonMonotonic, byName["anatomybot.gaps.open"].MetricType);
        Assert.Equal(MetricType.LongSum, byName["anatomybot.api.calls"].MetricType);
        Assert.Equal(MetricType.LongGauge, byName["anatomybot.api.quota.remaining"].MetricType);
        Assert.Equal([("outcome", "processed"), ("platform", "azure-devops")], Tags(byName["anatomybot.deliveries"]));
        Assert.Equal([("code", "no-stage")], Tags(byName["anatomybot.gaps.open"]));
        Assert.Equal([("kind", "not-modified"), ("platform", "azure-devops")], Tags(byName["anatomybot.api.calls"]));
        Assert.Equal(180, Points(byName["anatomybot.api.quota.remaining"]).Single().GetGaugeLastValueLong());
        Assert.Equal(2.0, Points(byName["anatomybot.verdict.duration"]).Single().GetHistogramSum());
    }

    [Fact]
    public void AddAnatomyBotTelemetry_BothExportersConfigured_BuildsTheProviders()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.OtlpEndpoint] = "http://127.0.0.1:4318",
            [TelemetryServiceCollectionExtensions.ApplicationInsights] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingest.invalid/",
        }).Build();
        services.AddLogging();
        services.AddAnatomyBotTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
        Assert.NotNull(provider.GetRequiredService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Same(provider.GetRequiredService<AnatomyBotTelemetry>(), provider.GetRequiredService<AnatomyBotTelemetry>());
    }

    private static List<(string, string)> Tags(Metric metric)
    {
        var point = Points(metric).Single();
        var tags = new List<(string, string)>();
        foreach (var tag in point.Tags)
        {
            tags.Add((tag.Key, tag.Value?.ToString() ?? ""));
        }

        return [.. tags.Order()];
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }
}
