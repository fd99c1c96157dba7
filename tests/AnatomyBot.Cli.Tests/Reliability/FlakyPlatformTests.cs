using AnatomyBot.Cli.Hosting;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The platform API (GitHub, Azure DevOps) answering 30% of calls with 500, 502 (after the call took effect) or
/// 429 + <c>Retry-After</c>.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class FlakyPlatformTests
{
    private const double FailureRate = 0.3;

    [Fact]
    public async Task ThirtyPercentFailures_WithARetryBudget_EveryDeliveryEndsProcessedWithTheRightState()
    {
        await using var rig = await StartAsync(maxAttempts: 30);

        await AllProcessedAsync(rig);
    }

    [Fact]
    public async Task ThirtyPercentFailures_WithASmallRetryBudget_PoisonedDeliveriesAreCompletedByReplay()
    {
        await using var rig = await StartAsync(maxAttempts: 2);

        await PoisonThenReplayAsync(rig);
    }

    [Fact]
    public async Task ThirtyPercentFailures_AzureDevOps_WithARetryBudget_EveryServiceHookEndsProcessedWithTheRightState()
    {
        await using var rig = await StartAzureDevOpsAsync(maxAttempts: 30);

        await AllProcessedAsync(rig);
    }

    [Fact]
    public async Task ThirtyPercentFailures_AzureDevOps_WithASmallRetryBudget_PoisonedServiceHooksAreCompletedByReplay()
    {
        await using var rig = await StartAzureDevOpsAsync(maxAttempts: 2);

        await PoisonThenReplayAsync(rig);
    }

    private static async Task AllProcessedAsync<TFleet>(ReliabilityRig<TFleet> rig)
        where TFleet : IReliabilityFleet
    {
        var sent = await RunServeAsync(rig);

        var ledger = await LedgerCounts.ReadAsync(rig.Store, rig.Token);
        Assert.True(ledger.Count(DeliveryStatus.Processed) == sent && ledger.Total == sent, ledger.ToString());
        Assert.True(rig.Fleet.Api.FailuresInjected > 0, "no failure was injected");
        Assert.Empty(rig.Fleet.EndStateProblems());
    }

    private static async Task PoisonThenReplayAsync<TFleet>(ReliabilityRig<TFleet> rig)
        where TFleet : IReliabilityFleet
    {
        var sent = await RunServeAsync(rig);
        var afterServe = await LedgerCounts.ReadAsync(rig.Store, rig.Token);
        Assert.True(afterServe.Count(DeliveryStatus.Poison) > 0 && afterServe.Settled == sent, "some deliveries spend their budget: " + afterServe);

        rig.Fleet.Api.FailureRate = 0;
        var replay = await CliRunner.RunAsync(
            ["replay", "--status", "poison", "--store", rig.Store],
            new CliRunOptions { Environment = rig.Settings.Environment(), Timeout = TimeSpan.FromMinutes(2) });

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains($"Replayed {afterServe.Count(DeliveryStatus.Poison)} deliveries", replay.Stdout, StringComparison.Ordinal);
        var afterReplay = await LedgerCounts.ReadAsync(rig.Store, rig.Token);
        Assert.True(afterReplay.Count(DeliveryStatus.Processed) == sent, afterReplay.ToString());
        Assert.Empty(rig.Fleet.EndStateProblems());
    }

    /// <summary>12 repositories with one pull request each, processed 12 at a time, with the given retry budget.</summary>
    private static Task<ReliabilityRig<GitHubFleet>> StartAsync(int maxAttempts) =>
        ReliabilityRig.StartAsync(TimeSpan.FromMinutes(3), repositories: 12, pullRequestsPerRepository: 1, RetryBudget(maxAttempts));

    /// <summary>12 pull requests in one Azure DevOps project, processed 12 at a time, with the given retry budget. The
    /// client retries a throttled or failed read at most twice inline (1 s, then 2 s: its back-off is not configurable);
    /// a failed write ends the attempt, and the delivery is retried from a fresh read.</summary>
    private static Task<ReliabilityRig<AzureDevOpsFleet>> StartAzureDevOpsAsync(int maxAttempts) =>
        ReliabilityRig.StartAzureDevOpsAsync(TimeSpan.FromMinutes(3), pullRequests: 12, new Dictionary<string, string>(RetryBudget(maxAttempts))
        {
            ["AzureDevOps:MaxRetries"] = "2",
        });

    private static Dictionary<string, string> RetryBudget(int maxAttempts) => new()
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
    private static async Task<int> RunServeAsync<TFleet>(ReliabilityRig<TFleet> rig)
        where TFleet : IReliabilityFleet
    {
        var fleet = rig.Fleet;
        var cancellationToken = rig.Token;
        fleet.Api.FailureRate = FailureRate;
        await using var app = ServeApplication.Build(new PipelineSettings { Store = rig.Store }, port: 0, ShortResilienceWaits, rig.Settings.Configuration(), LogLevel.Critical);
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
                    fleet.Link(pr, complete: !pr.Complete);
                }
            }

            var requests = fleet.PullRequests.Select(pr => rig.Delivery(pr, round)).ToList();
            var answers = await client.SendAllAsync(requests, concurrency: 8, cancellationToken);
            Assert.All(answers, a => Assert.True(a.StatusCode == 202, a.ToString()));
            sent += requests.Count;
            await inbox.WaitIdleAsync(cancellationToken);
        }

        await app.StopAsync(cancellationToken);
        return sent;
    }
}
