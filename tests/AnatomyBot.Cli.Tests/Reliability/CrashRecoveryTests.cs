using AnatomyBot.Cli.Tests.Infrastructure;
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
        using var time = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var folder = new TempDirectory();
        await using var fleet = await GitHubFleet.StartAsync(repositories: 3, pullRequestsPerRepository: 4, time.Token);
        var settings = new ServeSettings(fleet);
        var store = Path.Combine(folder.Path, "ledger.db");
        var requests = fleet.PullRequests
            .Select(pr => WebhookRequest.Signed(settings.Secret, "pull_request", Guid.NewGuid().ToString(), fleet.Payload(pr, "opened")))
            .ToList();

        fleet.Api.Hold();
        await using (var first = await ServeProcess.StartAsync(store, settings.Environment(), time.Token))
        {
            using var client = new WebhookClient(first.BaseUrl);
            var answers = await client.SendAllAsync(requests, concurrency: 4, time.Token);
            Assert.All(answers, a => Assert.True(a.StatusCode == 202, a + "\n" + first.Output));
            await WaitForAsync(() => !fleet.Api.Requests.IsEmpty, time.Token);

            await first.KillAsync();
        }

        var afterCrash = await LedgerCounts.ReadAsync(store, time.Token);
        Assert.True(afterCrash.Count(DeliveryStatus.Received) == requests.Count, "acknowledged, stored, not processed: " + afterCrash);
        Assert.Empty(fleet.Hub.Writes);

        fleet.Api.Release();
        await using var second = await ServeProcess.StartAsync(store, settings.Environment(), time.Token);
        var settled = await LedgerCounts.WaitSettledAsync(store, requests.Count, TimeSpan.FromMinutes(1), time.Token);

        Assert.True(settled.Count(DeliveryStatus.Processed) == requests.Count && settled.Total == requests.Count, settled + "\n" + second.Output);
        Assert.Empty(fleet.EndStateProblems());
        Assert.Contains("Reloaded 12 unfinished deliveries", second.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
