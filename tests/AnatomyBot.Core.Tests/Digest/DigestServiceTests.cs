using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using Moq;

namespace AnatomyBot.Core.Tests.Digest;

public sealed class DigestServiceTests
{
    [Fact]
    public async Task ProduceAsync_ReadsEventsFromWindowStartAndPublishesToEverySink()
    {
        var request = DigestFixture.Request();
        var ledger = new Mock<IEvaluationLedger>(MockBehavior.Strict);
        ledger.Setup(l => l.ListLatestAsync(It.IsAny<CancellationToken>())).Returns(DigestFixture.Items.ToAsyncEnumerable());
        ledger.Setup(l => l.ListGapEventsAsync(request.EventsSince, DateTimeOffset.MaxValue, It.IsAny<CancellationToken>()))
            .Returns(DigestFixture.Events.ToAsyncEnumerable());
        var failing = Sink("github-issue", new HttpRequestException("503 Service Unavailable"));
        var file = Sink("file", null);

        var run = await new DigestService(ledger.Object).ProduceAsync(request, [failing.Object, file.Object], CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), request.EventsSince);
        Assert.Equal(13, run.Digest.ItemCount);
        Assert.False(run.Succeeded);
        Assert.Equal(
            [("github-issue", DigestPublicationAction.Failed), ("file", DigestPublicationAction.Created)],
            run.Publications.Select(p => (p.Sink, p.Action)));
        Assert.Equal("503 Service Unavailable", run.Publications[0].Error);
        file.Verify(s => s.PublishAsync(run.Digest, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Mock<IDigestSink> Sink(string name, Exception? failure)
    {
        var sink = new Mock<IDigestSink>();
        sink.SetupGet(s => s.Name).Returns(name);
        var setup = sink.Setup(s => s.PublishAsync(It.IsAny<WeeklyDigest>(), It.IsAny<CancellationToken>()));
        if (failure is null)
        {
            setup.ReturnsAsync(new DigestPublication(name, DigestPublicationAction.Created, "/tmp/digest.md"));
        }
        else
        {
            setup.ThrowsAsync(failure);
        }

        return sink;
    }
}
