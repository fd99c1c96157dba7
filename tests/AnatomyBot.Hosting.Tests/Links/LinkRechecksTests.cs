using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Hosting.Tests.Links;

/// <summary>Re-checks through the processor over a real SQLite links ledger: a change queues the open items linking to it
/// on their own platform, level by level, each once, bounded, and the bot's own deliveries start none.</summary>
public sealed class LinkRechecksTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly RecordingScheduler _scheduler = new();
    private readonly FakeLogger<ProcessingRunner> _logs = new();
    private readonly Mock<IDeliveryHandler> _github = new(MockBehavior.Strict);
    private readonly Mock<IDeliveryHandler> _boards = new(MockBehavior.Strict);

    public LinkRechecksTests()
    {
        _github.SetupGet(h => h.Platform).Returns(Platforms.GitHub);
        _boards.SetupGet(h => h.Platform).Returns(Platforms.AzureDevOps);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Process_BoardsItemChanged_QueuesTheGitHubPullRequestCitingIt()
    {
        await SeedAsync(Item(ItemSource.GitHub, "contoso/web#7", ItemKind.PullRequest, body: "Implements AB#42"));

        var outcome = await ProcessAsync(_boards, Delivery(Platforms.AzureDevOps, "hook-1"), Item(ItemSource.AzureDevOps, "42", ItemKind.Story));

        Assert.Equal(new RecheckResult(1, 1, false), outcome.Rechecks);
        Assert.Equal(["recheck:hook-1:github:contoso/web#7:PullRequest"], QueuedIds());
        Assert.Contains(_logs.Collector.GetSnapshot(), l => l.Message == "Delivery hook-1: 1 open items linking to what changed queued for re-check in 1 deliveries");
    }

    [Fact]
    public async Task Process_ParentChanged_QueuesChildrenAndWhatLinksToThemLevelByLevel()
    {
        await SeedAsync(
            Item(ItemSource.GitHub, "contoso/web#12", ItemKind.Story, parent: "contoso/web#3"),
            Item(ItemSource.GitHub, "contoso/web#13", ItemKind.Story, parent: "contoso/web#3"),
            Item(ItemSource.GitHub, "contoso/web#20", ItemKind.PullRequest, body: "Fixes #12"),
            Item(ItemSource.AzureDevOps, "Fabrikam/Web!5", ItemKind.PullRequest, linked: "contoso/web#13"));

        await ProcessAsync(_github, Delivery(Platforms.GitHub, "d-parent"), Item(ItemSource.GitHub, "contoso/web#3", ItemKind.Feature));

        Assert.Equal(
            [
                "recheck:d-parent:azure-devops:Fabrikam/Web!5:PullRequest",
                "recheck:d-parent:github:contoso/web#12:Story",
                "recheck:d-parent:github:contoso/web#13:Story",
                "recheck:d-parent:github:contoso/web#20:PullRequest",
            ],
            QueuedIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Process_ItemsEvaluatedInTheSameDelivery_AreNotQueuedAgain()
    {
        await SeedAsync(Item(ItemSource.AzureDevOps, "43", ItemKind.Story, parent: "42"), Item(ItemSource.AzureDevOps, "44", ItemKind.Story, parent: "42"));

        await ProcessAsync(_boards, Delivery(Platforms.AzureDevOps, "hook-1"), Item(ItemSource.AzureDevOps, "42", ItemKind.Feature), Item(ItemSource.AzureDevOps, "43", ItemKind.Story, parent: "42"));

        Assert.Equal(["recheck:hook-1:azure-devops:44:Story"], QueuedIds());
    }

    [Fact]
    public async Task Process_LinksGoingRound_EachItemQueuedOnce_AndTheRecheckQueuesNothing()
    {
        await SeedAsync(
            Item(ItemSource.GitHub, "contoso/web#1", ItemKind.Story, body: "Parent: #2"),
            Item(ItemSource.GitHub, "contoso/web#2", ItemKind.Story, body: "Parent: #3"),
            Item(ItemSource.GitHub, "contoso/web#3", ItemKind.Story, body: "Parent: #1"));

        await ProcessAsync(_github, Delivery(Platforms.GitHub, "d-1"), Item(ItemSource.GitHub, "contoso/web#1", ItemKind.Story, body: "Parent: #2"));

        Assert.Equal(["recheck:d-1:github:contoso/web#2:Story", "recheck:d-1:github:contoso/web#3:Story"], QueuedIds().Order(StringComparer.Ordinal));

        var recheck = await ProcessAsync(_github, Delivery(Platforms.GitHub, "recheck:d-1:github:contoso/web#3:Story"), Item(ItemSource.GitHub, "contoso/web#3", ItemKind.Story, body: "Parent: #1"));
        Assert.Equal(RecheckResult.None, recheck.Rechecks);
        Assert.Equal(2, _scheduler.Queued.Count);
    }

    [Fact]
    public async Task Process_SweepDelivery_QueuesNoRecheck()
    {
        await SeedAsync(Item(ItemSource.GitHub, "contoso/web#7", ItemKind.PullRequest, body: "AB#42"));

        var outcome = await ProcessAsync(_boards, Delivery(Platforms.AzureDevOps, "sweep:2026-11-24T03:30:00Z:workitems:0001"), Item(ItemSource.AzureDevOps, "42", ItemKind.Story));

        Assert.Equal(RecheckResult.None, outcome.Rechecks);
        Assert.Empty(_scheduler.Queued);
    }

    [Fact]
    public async Task Process_MoreLinkingItemsThanTheBound_QueuesTheBoundAndLogsAWarning()
    {
        var many = Enumerable.Range(1, LinkRechecks.MaxPerChange + 5)
            .Select(n => Item(ItemSource.GitHub, $"contoso/web#{n + 100}", ItemKind.PullRequest, body: "AB#42"))
            .ToArray();
        await SeedAsync(many);

        var outcome = await ProcessAsync(_boards, Delivery(Platforms.AzureDevOps, "hook-9"), Item(ItemSource.AzureDevOps, "42", ItemKind.Story));

        Assert.Equal(new RecheckResult(LinkRechecks.MaxPerChange, LinkRechecks.MaxPerChange, true), outcome.Rechecks);
        Assert.Equal(LinkRechecks.MaxPerChange, QueuedIds().Distinct().Count());
        var warning = Assert.Single(_logs.Collector.GetSnapshot(), l => l.Level == LogLevel.Warning);
        Assert.Equal($"Delivery hook-9: {LinkRechecks.MaxPerChange} items linking to what changed queued for re-check, the bound of {LinkRechecks.MaxPerChange} per change; the others are re-checked by the nightly sweep", warning.Message);
    }

    public void Dispose() => _ledger.Dispose();

    private async Task SeedAsync(params WorkItem[] items)
    {
        foreach (var item in items)
        {
            await _ledger.Links.ReplaceAsync(ItemLinks.ItemOf(item), ItemLinks.Of(item), Token);
        }
    }

    private async Task<ProcessingOutcome> ProcessAsync(Mock<IDeliveryHandler> handler, Delivery delivery, params WorkItem[] evaluated)
    {
        handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult { Evaluations = [.. evaluated.Select(i => new ItemEvaluation { Item = i, Layer = Layer.Unmapped, Trace = Trace.Empty, Gaps = [] })] });
        var processor = new DeliveryProcessor(
            [_github.Object, _boards.Object], _ledger.Deliveries, _ledger.Evaluations, _scheduler, new DeliveryProcessorOptions(), new FakeTimeProvider(Now),
            links: _ledger.Links,
            rechecks: new LinkRechecks(_ledger.Links, [new NamingRechecks(ItemSource.GitHub), new NamingRechecks(ItemSource.AzureDevOps)], _scheduler));
        return await new ProcessingRunner(processor, _logs).ProcessAsync(delivery, Token);
    }

    private IEnumerable<string> QueuedIds() => _scheduler.Queued.Select(q => q.Delivery.Id);

    private static WorkItem Item(ItemSource source, string id, ItemKind kind, string body = "", string? parent = null, string? linked = null) => new()
    {
        Id = id,
        Source = source,
        Kind = kind,
        Title = id,
        Body = body,
        ParentId = parent,
        LinkedItemIds = linked is null ? [] : [linked],
    };

    private static Delivery Delivery(string platform, string id) =>
        new() { Platform = platform, Id = id, EventName = "changed", Body = "{}", ReceivedAt = Now };

    /// <summary>One delivery per item whose id names the platform, the item and its kind.</summary>
    private sealed class NamingRechecks(ItemSource source) : IRecheckDeliveries
    {
        public ItemSource Source => source;

        public IReadOnlyList<Delivery> Create(string causeId, IReadOnlyList<LinkingItem> items, DateTimeOffset at) =>
        [
            .. items.Select(i => new Delivery
            {
                Platform = source == ItemSource.GitHub ? Platforms.GitHub : Platforms.AzureDevOps,
                Id = $"{LinkRechecks.Prefix}{causeId}:{(source == ItemSource.GitHub ? "github" : "azure-devops")}:{i.Id}:{i.Kind}",
                EventName = "recheck",
                Body = "{}",
                ReceivedAt = at,
            }),
        ];
    }
}
