using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Hosting.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Hosting.Tests.Links;

/// <summary>The processor keeps each evaluated item's links in the links ledger (real SQLite): an open item's links
/// replace the ones kept before; a closed or deleted item keeps none.</summary>
public sealed class LinkRecordingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly RecordingScheduler _scheduler = new();
    private readonly Mock<IDeliveryHandler> _handler = new(MockBehavior.Strict);

    public LinkRecordingTests() => _handler.SetupGet(h => h.Platform).Returns(Platforms.GitHub);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Process_EvaluatedItems_TheirLinksAreKept_AndReplacedOnTheNextEvaluation()
    {
        Handles(new DeliveryResult { Evaluations = [Evaluation(Pr("Implements AB#42 for #12"))] });
        await Processor().ProcessAsync(Delivery("d-1"), Token);

        Assert.Equal([new LinkingItem(ItemSource.GitHub, "contoso/web#7", ItemKind.PullRequest)], await _ledger.Links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 10, Token));
        Assert.Single(await _ledger.Links.ListLinkingAsync(ItemSource.GitHub, "contoso/web#12", 10, Token));

        Handles(new DeliveryResult { Evaluations = [Evaluation(Pr("Implements AB#43"))] });
        await Processor().ProcessAsync(Delivery("d-2"), Token);

        Assert.Empty(await _ledger.Links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 10, Token));
        Assert.Empty(await _ledger.Links.ListLinkingAsync(ItemSource.GitHub, "contoso/web#12", 10, Token));
        Assert.Single(await _ledger.Links.ListLinkingAsync(ItemSource.AzureDevOps, "43", 10, Token));
    }

    [Fact]
    public async Task Process_ClosedOrDeletedItem_ItsLinksAreDropped()
    {
        var child = new WorkItem { Id = "contoso/web#12", Source = ItemSource.GitHub, Kind = ItemKind.Story, Title = "Export", ParentId = "contoso/web#3" };
        Handles(new DeliveryResult { Evaluations = [Evaluation(Pr("AB#42")), Evaluation(child)] });
        await Processor().ProcessAsync(Delivery("d-1"), Token);

        Handles(new DeliveryResult { Evaluations = [Evaluation(Pr("AB#42") with { IsOpen = false, State = "closed" })], Gone = [new GoneItem(ItemSource.GitHub, "contoso/web#12")] });
        await Processor().ProcessAsync(Delivery("d-2"), Token);

        Assert.Empty(await _ledger.Links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 10, Token));
        Assert.Empty(await _ledger.Links.ListLinkingAsync(ItemSource.GitHub, "contoso/web#3", 10, Token));
    }

    public void Dispose() => _ledger.Dispose();

    private void Handles(DeliveryResult result) =>
        _handler.Setup(h => h.HandleAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private DeliveryProcessor Processor() =>
        new([_handler.Object], _ledger.Deliveries, _ledger.Evaluations, _scheduler, new DeliveryProcessorOptions(), new FakeTimeProvider(Now), links: _ledger.Links);

    private static WorkItem Pr(string body) =>
        new() { Id = "contoso/web#7", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Ledger export", Body = body };

    private static ItemEvaluation Evaluation(WorkItem item) => new() { Item = item, Layer = Layer.Unmapped, Trace = Trace.Empty, Gaps = [] };

    private static Delivery Delivery(string id) =>
        new() { Platform = Platforms.GitHub, Id = id, EventName = "pull_request", Body = "{}", ReceivedAt = Now };
}
