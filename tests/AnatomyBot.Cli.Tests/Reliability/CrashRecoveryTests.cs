using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The built <c>anatomybot serve</c> killed (SIGKILL) after it acknowledged deliveries but before it could process
/// them (the platform API stalls), then started again on the same SQLite ledger with the API healthy.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task ServeKilledBetweenAcknowledgementAndProcessing_ProcessesEveryDeliveryAfterRestart()
    {
        await using var rig = await ReliabilityRig.StartAsync(TimeSpan.FromMinutes(3), repositories: 3, pullRequestsPerRepository: 4);

        await KillAndRestartAsync(rig);
    }

    [Fact]
    public async Task ServeKilledBetweenAcknowledgementAndProcessing_AzureDevOps_ProcessesEveryServiceHookOnceAfterRestart()
    {
        await using var rig = await ReliabilityRig.StartAzureDevOpsAsync(TimeSpan.FromMinutes(3), pullRequests: 12);

        await KillAndRestartAsync(rig);

        Assert.All(rig.Fleet.PullRequests, pr => Assert.Equal((1, 0), rig.Fleet.ThreadWrites(pr)));
    }

    /// <summary>Sends one delivery per pull request to a serve process whose API calls stall, kills it once the first call
    /// arrives, checks that everything is stored and nothing written, then restarts serve on the same ledger with the API
    /// healthy and waits until every delivery is processed, with the right end state.</summary>
    private static async Task KillAndRestartAsync<TFleet>(ReliabilityRig<TFleet> rig)
        where TFleet : IReliabilityFleet
    {
        var requests = rig.Fleet.PullRequests.Select(pr => rig.Delivery(pr, "opened")).ToList();
        rig.Fleet.Api.Hold();
        await using (var first = await ServeProcess.StartAsync(rig.Store, rig.Settings.Environment(), rig.Token))
        {
            using var client = new WebhookClient(first.BaseUrl);
            var answers = await client.SendAllAsync(requests, concurrency: 4, rig.Token);
            Assert.All(answers, a => Assert.True(a.StatusCode == 202, a + "\n" + first.Output));
            await WaitForAsync(() => !rig.Fleet.Api.Requests.IsEmpty, rig.Token);

            await first.KillAsync();
        }

        var afterCrash = await LedgerCounts.ReadAsync(rig.Store, rig.Token);
        Assert.True(afterCrash.Count(DeliveryStatus.Received) == requests.Count, "acknowledged, stored, not processed: " + afterCrash);
        Assert.Empty(rig.Fleet.Writes);

        rig.Fleet.Api.Release();
        await using var second = await ServeProcess.StartAsync(rig.Store, rig.Settings.Environment(), rig.Token);
        var settled = await LedgerCounts.WaitSettledAsync(rig.Store, requests.Count, TimeSpan.FromMinutes(1), rig.Token);

        Assert.True(settled.Count(DeliveryStatus.Processed) == requests.Count && settled.Total == requests.Count, settled + "\n" + second.Output);
        Assert.Empty(rig.Fleet.EndStateProblems());
        Assert.Contains($"Reloaded {requests.Count} unfinished deliveries", second.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
