using System.Diagnostics.Metrics;
using System.Net;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AnatomyBot.GitHub.Tests;

/// <summary>Every GitHub call that reaches the network is counted in <c>anatomybot.api.calls</c> by kind, and the quota
/// GitHub reports lands in <c>anatomybot.api.quota.remaining</c>.</summary>
public sealed class ApiTelemetryTests
{
    [Fact]
    public async Task HandleAsync_ReadsWritesAndA304_AreCountedByKind()
    {
        using var github = new GitHubHarness();
        using var calls = Collector<long>(github, "anatomybot.api.calls");
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "x");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        var measured = calls.GetMeasurementSnapshot();
        Assert.All(measured, m => Assert.Equal(Platforms.GitHub, m.Tags["platform"]));
        Assert.Equal(github.Api.Requests.Count, measured.Count);
        Assert.Equal(github.Api.NotModified, measured.Count(m => (string?)m.Tags["kind"] == "not-modified"));
        Assert.Equal(1, github.Api.NotModified);
        Assert.Equal(github.Api.Requests.Count(r => r.Method != HttpMethod.Get), measured.Count(m => (string?)m.Tags["kind"] == "write"));
        Assert.Contains(measured, m => (string?)m.Tags["kind"] == "write");
        Assert.Contains(measured, m => (string?)m.Tags["kind"] == "read");
    }

    [Fact]
    public async Task HandleAsync_RateLimitAnswer_RecordsTheQuotaLeft()
    {
        using var github = new GitHubHarness();
        using var quota = Collector<long>(github, "anatomybot.api.quota.remaining");
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "x");
        var reset = github.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        github.Api.Fail(HttpMethod.Get, "/pulls/5$", HttpStatusCode.Forbidden, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));

        await Assert.ThrowsAsync<TransientDeliveryException>(() => github.Handler.HandleAsync(github.PullRequestEvent(5), default));

        var last = quota.LastMeasurement;
        Assert.NotNull(last);
        Assert.Equal(0, last.Value);
        Assert.Equal(Platforms.GitHub, last.Tags["platform"]);
    }

    private static MetricCollector<T> Collector<T>(GitHubHarness github, string instrument)
        where T : struct
    {
        _ = github.Services.GetRequiredService<AnatomyBotTelemetry>();
        return new(github.Services.GetRequiredService<IMeterFactory>(), AnatomyBotTelemetry.Name, instrument);
    }
}
