using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Malformed, unauthenticated, wrongly authenticated and oversized requests mixed into a load of good deliveries
/// sent to the built <c>anatomybot serve</c> process, on each platform's route.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class HostileTrafficTests
{
    private const int GoodDeliveries = 400;

    [Fact]
    public async Task BadRequestsMixedIntoTheLoad_AreAllRejectedWith4xx_TheGoodOnesAreProcessed_ServeStaysUp()
    {
        await using var rig = await ReliabilityRig.StartAsync(TimeSpan.FromMinutes(3), repositories: 4, pullRequestsPerRepository: 2);
        var secret = rig.Settings.Secret;

        await MixedLoadAsync(rig, HostileRequests.For(secret, rig.Fleet.Payload(rig.Fleet.PullRequests[0], "edited")), HostileRequests.OverServerLimit(secret));
    }

    [Fact]
    public async Task BadServiceHooksMixedIntoTheLoad_AzureDevOps_AreAllRejectedWith4xx_TheGoodOnesAreProcessed_ServeStaysUp()
    {
        await using var rig = await ReliabilityRig.StartAzureDevOpsAsync(TimeSpan.FromMinutes(3), pullRequests: 8);
        var secret = rig.Settings.Secret;

        await MixedLoadAsync(rig, HostileRequests.ForAzureDevOps(secret, rig.Delivery(rig.Fleet.PullRequests[0], "edited").Body), HostileRequests.OverServerLimitAzureDevOps(secret));
    }

    private static async Task MixedLoadAsync<TFleet>(ReliabilityRig<TFleet> rig, IEnumerable<WebhookRequest> bad, WebhookRequest overServerLimit)
        where TFleet : IReliabilityFleet
    {
        var (fleet, settings, store, token) = (rig.Fleet, rig.Settings, rig.Store, rig.Token);
        var good = Enumerable.Range(0, GoodDeliveries).Select(i => rig.Delivery(fleet.PullRequests[i % fleet.PullRequests.Count], "edited")).ToList();
        var random = new Random(11);
        var mixed = good.Concat(bad).OrderBy(_ => random.Next()).ToList();

        await using var serve = await ServeProcess.StartAsync(store, settings.Environment(), token);
        using var client = new WebhookClient(serve.BaseUrl);
        var answers = new List<WebhookAnswer>();
        foreach (var chunk in mixed.Chunk(100))
        {
            answers.AddRange(await client.SendAllAsync(chunk, concurrency: 16, token));
            Assert.Equal(200, await client.HealthAsync(token));
        }

        // Past Kestrel's own 32 MB cap serve answers 413 just the same and stops reading, so a client still uploading may
        // see its connection closed instead of the answer; either way nothing is stored and serve stays up.
        var overLimit = await client.TrySendAsync(overServerLimit, token);
        Assert.True(overLimit is 413 or null, $"over the server limit: {overLimit}");
        Assert.Equal(200, await client.HealthAsync(token));

        var settled = await LedgerCounts.WaitSettledAsync(store, GoodDeliveries, TimeSpan.FromMinutes(2), token);

        var wrong = answers.Where(a => a.StatusCode != HostileRequests.ExpectedStatus(a.Request.Kind)).ToList();
        Assert.True(wrong.Count == 0, "unexpected answers:\n" + string.Join("\n", wrong.Take(20)));
        Assert.Equal(mixed.Count, answers.Count);
        Assert.All(answers.Where(a => a.Request.Kind != "signed"), a => Assert.InRange(a.StatusCode, 400, 499));
        Assert.False(serve.HasExited, serve.Output);
        Assert.Equal(200, await client.HealthAsync(token));
        Assert.True(settled.Count(DeliveryStatus.Processed) == GoodDeliveries && settled.Total == GoodDeliveries, settled.ToString());
        Assert.True(good.Select(r => r.DeliveryId).ToHashSet().SetEquals(settled.Ids(DeliveryStatus.Processed)), "the ledger holds exactly the good deliveries");
        Assert.Empty(fleet.EndStateProblems());
        Assert.DoesNotContain("Unhandled exception", serve.Output, StringComparison.OrdinalIgnoreCase);
    }
}
