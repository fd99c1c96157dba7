using AnatomyBot.AzureDevOps.Handling;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Handling;
using AnatomyBot.Hosting.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Deliveries in bursts to <c>serve</c> (the real composition, in this process, on a loopback port), 10% of them
/// redeliveries of an id already sent — some while the first copy is still in flight: 10,000 signed GitHub deliveries,
/// 2,000 Azure DevOps service hooks.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class BurstLoadTests
{
    private const int Bursts = 20;

    [Fact]
    public async Task TenThousandDeliveriesInBursts_EachUniqueOneProcessedOnce_OneCommentPerPullRequest()
    {
        await using var rig = await ReliabilityRig.StartAsync(TimeSpan.FromMinutes(4), repositories: 8, pullRequestsPerRepository: 4);

        await BurstsAsync(rig, 10_000, sp => sp.GetRequiredService<GitHubDeliveryHandler>(), rig.Fleet.CommentWrites);
    }

    [Fact]
    public async Task TwoThousandServiceHooksInBursts_AzureDevOps_EachUniqueOneProcessedOnce_OneThreadPerPullRequest()
    {
        await using var rig = await ReliabilityRig.StartAzureDevOpsAsync(TimeSpan.FromMinutes(4), pullRequests: 16);

        await BurstsAsync(rig, 2_000, sp => ActivatorUtilities.CreateInstance<AzureDevOpsDeliveryHandler>(sp), rig.Fleet.ThreadWrites);

        Assert.All(rig.Fleet.PullRequests, pr => Assert.True(rig.Fleet.ThreadWrites(pr).Created == 1, $"{pr}: {rig.Fleet.ThreadWrites(pr).Created} threads created"));
    }

    /// <summary><paramref name="deliveries"/> deliveries in <see cref="Bursts"/> bursts to serve (the real composition, in
    /// this process, on a loopback port), 10% of each burst redeliveries of an id already sent, half of them racing their
    /// first copy; halfway, half of the pull requests are relinked. Each unique delivery must be accepted once, stored,
    /// handled and processed once, its gap events alternate, and every pull request ends with one comment or thread, edited
    /// after the relink, and the right check.</summary>
    private static async Task BurstsAsync<TFleet>(
        ReliabilityRig<TFleet> rig, int deliveries, Func<IServiceProvider, IDeliveryHandler> channel, Func<FleetPullRequest, (int Created, int Edited)> commentWrites)
        where TFleet : IReliabilityFleet
    {
        var perBurst = deliveries / Bursts;
        var duplicatesPerBurst = perBurst / 10;
        var (fleet, settings, store, token) = (rig.Fleet, rig.Settings, rig.Store, rig.Token);
        CountingDeliveryHandler? counter = null;
        await using var app = ServeApplication.Build(
            new PipelineSettings { Store = store },
            port: 0,
            services =>
            {
                services.RemoveAll<IDeliveryHandler>();
                services.AddSingleton<IDeliveryHandler>(sp => counter = new CountingDeliveryHandler(channel(sp)));
            },
            settings.Configuration(),
            LogLevel.Error);
        await app.StartAsync(token);
        var inbox = app.Services.GetRequiredService<LocalInbox>();
        using var client = new WebhookClient(new Uri(app.Urls.First()));
        var random = new Random(6);
        var sent = new List<WebhookRequest>();
        var answers = new List<WebhookAnswer>();

        for (var burst = 0; burst < Bursts; burst++)
        {
            if (burst == Bursts / 2)
            {
                // Halfway, once the first half is processed, developers relink half of the pull requests: their checks
                // flip and their comments must be edited in place, never posted again.
                await inbox.WaitIdleAsync(token);
                foreach (var pr in fleet.PullRequests.Where((_, i) => i % 2 == 0))
                {
                    fleet.Link(pr, complete: !pr.Complete);
                }
            }

            var fresh = Enumerable.Range(0, perBurst - duplicatesPerBurst)
                .Select(i => fleet.PullRequests[(burst * perBurst + i) % fleet.PullRequests.Count])
                .Select(pr => rig.Delivery(pr, "synchronize"))
                .ToList();
            var burstRequests = new List<WebhookRequest>(fresh);
            for (var d = 0; d < duplicatesPerBurst; d++)
            {
                // Half are redelivered within the burst (racing the first copy), half redeliver an earlier burst's.
                var source = d % 2 == 0 || sent.Count == 0 ? fresh : sent;
                burstRequests.Add(source[random.Next(source.Count)]);
            }

            burstRequests = [.. burstRequests.OrderBy(_ => random.Next())];
            answers.AddRange(await client.SendAllAsync(burstRequests, concurrency: 32, token));
            sent.AddRange(fresh);
        }

        await inbox.WaitIdleAsync(token);

        Assert.Equal(deliveries, answers.Count);
        Assert.All(answers, a => Assert.True(a.StatusCode == 202, a.ToString()));
        var unique = sent.Select(r => r.DeliveryId!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(deliveries - (Bursts * duplicatesPerBurst), unique.Count);
        var acceptedOnce = answers.Where(a => a.Reason == "accepted").GroupBy(a => a.Request.DeliveryId).ToList();
        Assert.True(acceptedOnce.Count == unique.Count && acceptedOnce.All(g => g.Count() == 1), "each unique delivery is accepted exactly once, its copies answered as duplicates");

        var ledger = await LedgerCounts.ReadAsync(store, token);
        Assert.True(ledger.Count(DeliveryStatus.Processed) == unique.Count && ledger.Total == unique.Count, ledger.ToString());
        Assert.True(unique.SetEquals(ledger.Ids(DeliveryStatus.Processed)), "the ledger holds exactly the deliveries sent, all processed");

        Assert.NotNull(counter);
        var handledTwice = counter.Handled.Where(h => h.Value != 1).Select(h => $"{h.Key} x{h.Value}").ToList();
        Assert.True(unique.SetEquals(counter.Handled.Keys) && handledTwice.Count == 0, "handled other than once: " + string.Join(", ", handledTwice.Take(10)));

        var (gapEvents, gapProblems) = await GapEventHistory.CheckAsync(store, token);
        Assert.True(gapEvents > 0 && gapProblems.Count == 0, $"{gapEvents} gap events; out of order: " + string.Join("; ", gapProblems.Take(5)));
        Assert.Empty(fleet.EndStateProblems());
        Assert.All(fleet.PullRequests.Where((_, i) => i % 2 == 0), pr => Assert.True(commentWrites(pr).Edited >= 1, $"{pr}: its comment was never edited after the relink"));
        await app.StopAsync(token);
    }
}
