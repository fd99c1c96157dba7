using AnatomyBot.Cli.Hosting;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The platform API answering 30% of calls with 500, 502 (after the call took effect) or 429 + <c>Retry-After</c>.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class FlakyPlatformTests
{
    private const double FailureRate = 0.3;

    [Fact]
    public async Task ThirtyPercentFailures_WithARetryBudget_EveryDeliveryEndsProcessedWithTheRightState()
    {
        using var time = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var folder = new TempDirectory();
        await using var fleet = await GitHubFleet.StartAsync(repositories: 12, pullRequestsPerRepository: 1, time.Token);
        var store = Path.Combine(folder.Path, "ledger.db");
        var settings = new ServeSettings(fleet, Budget(maxAttempts: 30));

        var sent = await RunServeAsync(fleet, settings, store, time.Token);

        var ledger = await LedgerCounts.ReadAsync(store, time.Token);
        Assert.True(ledger.Count(DeliveryStatus.Processed) == sent && ledger.Total == sent, ledger.ToString());
        Assert.True(fleet.Api.FailuresInjected > 0, "no failure was injected");
        Assert.Empty(fleet.EndStateProblems());
    }

    [Fact]
    public async Task ThirtyPercentFailures_WithASmallRetryBudget_PoisonedDeliveriesAreCompletedByReplay()
    {
        using var time = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var folder = new TempDirectory();
        await using var fleet = await GitHubFleet.StartAsync(repositories: 12, pullRequestsPerRepository: 1, time.Token);
        var store = Path.Combine(folder.Path, "ledger.db");
        var settings = new ServeSettings(fleet, Budget(maxAttempts: 2));

        var sent = await RunServeAsync(fleet, settings, store, time.Token);
        var afterServe = await LedgerCounts.ReadAsync(store, time.Token);
        Assert.True(afterServe.Count(DeliveryStatus.Poison) > 0 && afterServe.Settled == sent, "some deliveries spend their budget: " + afterServe);

        fleet.Api.FailureRate = 0;
        var replay = await CliRunner.RunAsync(
            ["replay", "--status", "poison", "--store", store],
            new CliRunOptions { Environment = settings.Environment(), Timeout = TimeSpan.FromMinutes(2) });

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains($"Replayed {afterServe.Count(DeliveryStatus.Poison)} deliveries", replay.Stdout, StringComparison.Ordinal);
        var afterReplay = await LedgerCounts.ReadAsync(store, time.Token);
        Assert.True(afterReplay.Count(DeliveryStatus.Processed) == sent, afterReplay.ToString());
        Assert.Empty(fleet.EndStateProblems());
    }

    private static Dictionary<string, string> Budget(int maxAttempts) => new()
    {
        ["Pipeline:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline:BaseRetryDelay"] = "00:00:00.100",
        ["Pipeline:MaxRetryDelay"] = "00:00:01",
        ["Inbox:Concurrency"] = "12",
    };

    /// <summary>The GitHub client's standard resilience pipeline as composed, with its waits shortened to keep the test short:
    /// back-off from 50 ms instead of 2 s, a circuit that stays open 0.5 s instead of 5 s.</summary>
    private static void ShortResilienceWaits(IServiceCollection services) => services.ConfigureAll<HttpStandardResilienceOptions>(o =>
    {
        o.Retry.Delay = TimeSpan.FromMilliseconds(50);
        o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(0.5);
    });

    /// <summary>Serves two rounds of deliveries for every pull request (relinking half of them in between) against the
    /// failing API, waits until every retry has settled, and stops serve. Returns how many deliveries were sent.</summary>
    private static async Task<int> RunServeAsync(GitHubFleet fleet, ServeSettings settings, string store, CancellationToken cancellationToken)
    {
        fleet.Api.FailureRate = FailureRate;
        await using var app = ServeApplication.Build(new PipelineSettings { Store = store }, port: 0, ShortResilienceWaits, settings.Configuration(), LogLevel.Critical);
        await app.StartAsync(cancellationToken);
        var inbox = app.Services.GetRequiredService<LocalInbox>();
        using var client = new WebhookClient(new Uri(app.Urls.First()));
        var sent = 0;
        foreach (var round in new[] { "opened", "edited" })
        {
            if (round == "edited")
            {
                foreach (var pr in fleet.PullRequests.Where((_, i) => i % 2 == 0))
                {
                    fleet.Link(pr, complete: pr.ExpectedConclusion != "success");
                }
            }

            var requests = fleet.PullRequests
                .Select(pr => WebhookRequest.Signed(settings.Secret, "pull_request", Guid.NewGuid().ToString(), fleet.Payload(pr, round)))
                .ToList();
            var answers = await client.SendAllAsync(requests, concurrency: 8, cancellationToken);
            Assert.All(answers, a => Assert.True(a.StatusCode == 202, a.ToString()));
            sent += requests.Count;
            await inbox.WaitIdleAsync(cancellationToken);
        }

        await app.StopAsync(cancellationToken);
        return sent;
    }
}
