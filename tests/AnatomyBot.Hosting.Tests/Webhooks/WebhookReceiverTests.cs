using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Tests.Support;
using AnatomyBot.Hosting.Webhooks;
using AnatomyBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Hosting.Tests.Webhooks;

/// <summary>The acknowledgement path: limits and the ingress's verdict first, then the delivery in the (real SQLite)
/// ledger, then queued.</summary>
public sealed class WebhookReceiverTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly FakeLogger<WebhookReceiver> _logs = new();
    private readonly RecordingScheduler _scheduler;

    public WebhookReceiverTests()
    {
        // At the moment a delivery is queued, the ledger must already hold it (stored before acknowledged).
        _scheduler = new RecordingScheduler
        {
            OnEnqueue = async d => Assert.NotNull(await _ledger.Deliveries.GetAsync(d.Platform, d.Id, CancellationToken.None)),
        };
    }

    [Fact]
    public async Task ReceiveAsync_Accepted_StoresTheDeliveryWithTheClocksTimeQueuesItAndAnswers202()
    {
        var receipt = await Receiver().ReceiveAsync(Platforms.GitHub, Request("""{"action":"opened"}""", "d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(202, "accepted", "d-1", false), receipt);
        var stored = await _ledger.Deliveries.GetAsync(Platforms.GitHub, "d-1", TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Received, stored!.Status);
        Assert.Equal("""{"action":"opened"}""", stored.Delivery.Body);
        Assert.Equal(Now, stored.Delivery.ReceivedAt);
        var (queued, delay) = Assert.Single(_scheduler.Queued);
        Assert.Equal(("d-1", TimeSpan.Zero), (queued.Id, delay));
        var accepted = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Debug, "Accepted github delivery d-1 (duplicate: False)"), (accepted.Level, accepted.Message));
    }

    [Fact]
    public async Task ReceiveAsync_PlatformNameInOtherCase_FindsTheIngress()
    {
        var receipt = await Receiver().ReceiveAsync("GitHub", Request("{}", "d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(202, receipt.StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_DuplicateStillReceived_AcknowledgesAndQueuesItAgain()
    {
        var receiver = Receiver();
        await receiver.ReceiveAsync(Platforms.GitHub, Request("{}", "d-1"), TestContext.Current.CancellationToken);

        var again = await receiver.ReceiveAsync(Platforms.GitHub, Request("{}", "d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(202, "duplicate delivery", "d-1", true), again);
        Assert.Equal(["d-1", "d-1"], _scheduler.Queued.Select(q => q.Delivery.Id));
    }

    [Theory]
    [InlineData(DeliveryStatus.Processed)]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Poison)]
    public async Task ReceiveAsync_DuplicateNoLongerReceived_AcknowledgesWithoutQueueing(DeliveryStatus status)
    {
        var receiver = Receiver();
        await receiver.ReceiveAsync(Platforms.GitHub, Request("{}", "d-1"), TestContext.Current.CancellationToken);
        await _ledger.Deliveries.MarkAsync(Platforms.GitHub, "d-1", status, Now, null, TestContext.Current.CancellationToken);

        var again = await receiver.ReceiveAsync(Platforms.GitHub, Request("{}", "d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(202, "duplicate delivery", "d-1", true), again);
        Assert.Single(_scheduler.Queued);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownPlatform_Answers404AndLogsAWarning()
    {
        var receipt = await Receiver().ReceiveAsync("gitlab", Request("{}", "d-1"), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(404, "platform 'gitlab' is not configured"), receipt);
        await AssertNothingStoredOrQueuedAsync();
        var warning = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Warning, "Rejected gitlab webhook with 404: platform 'gitlab' is not configured"), (warning.Level, warning.Message));
    }

    [Fact]
    public async Task ReceiveAsync_NotAPost_Answers405()
    {
        var request = Request("{}", "d-1");
        request.Method = "GET";

        var receipt = await Receiver().ReceiveAsync(Platforms.GitHub, request, TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(405, "use POST"), receipt);
        await AssertNothingStoredOrQueuedAsync();
    }

    [Fact]
    public async Task ReceiveAsync_DeclaredLengthOverTheLimit_Answers413WithoutReadingTheBody()
    {
        var request = Request("{}", "d-1");
        request.Body = new UnreadableStream();
        request.ContentLength = 1025;

        var receipt = await Receiver(maxBodyBytes: 1024).ReceiveAsync(Platforms.GitHub, request, TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(413, "body larger than 1024 bytes"), receipt);
        await AssertNothingStoredOrQueuedAsync();
    }

    [Theory]
    [InlineData(1024, 202)]
    [InlineData(1025, 413)]
    public async Task ReceiveAsync_UndeclaredLength_CountsTheBytesRead(int length, int expected)
    {
        var request = Request(new string('x', length), "d-1");
        request.ContentLength = null;

        var receipt = await Receiver(maxBodyBytes: 1024).ReceiveAsync(Platforms.GitHub, request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, receipt.StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_UndeclaredLengthInManyReads_KeepsEveryByte()
    {
        var body = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)('a' + (i % 26))));
        var request = Request(body, "d-1");
        request.ContentLength = null;
        request.Body = new TrickleStream(Encoding.UTF8.GetBytes(body));

        await Receiver(maxBodyBytes: 64 * 1024).ReceiveAsync(Platforms.GitHub, request, TestContext.Current.CancellationToken);

        var stored = await _ledger.Deliveries.GetAsync(Platforms.GitHub, "d-1", TestContext.Current.CancellationToken);
        Assert.Equal(body, stored!.Delivery.Body);
    }

    [Fact]
    public async Task ReceiveAsync_IngressRejects_AnswersItsStatusAndStoresNothing()
    {
        var receipt = await Receiver().ReceiveAsync(Platforms.GitHub, Request("{}", deliveryId: null), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(401, "missing signature"), receipt);
        await AssertNothingStoredOrQueuedAsync();
        Assert.Equal(LogLevel.Warning, Assert.Single(_logs.Collector.GetSnapshot()).Level);
    }

    public void Dispose() => _ledger.Dispose();

    private WebhookReceiver Receiver(long maxBodyBytes = 1024) =>
        new([new HeaderIngress(maxBodyBytes)], _ledger.Deliveries, _scheduler, new FakeTimeProvider(Now), _logs);

    private async Task AssertNothingStoredOrQueuedAsync()
    {
        Assert.Empty(await _ledger.Deliveries.ListAsync(DeliveryStatus.Received, 10, TestContext.Current.CancellationToken));
        Assert.Empty(_scheduler.Queued);
    }

    private static HttpRequest Request(string body, string? deliveryId)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        if (deliveryId is not null)
        {
            context.Request.Headers["X-GitHub-Delivery"] = deliveryId;
        }

        return context.Request;
    }

    /// <summary>A body that arrives a few bytes per read, as from a slow network.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 7), cancellationToken);
    }

    /// <summary>A body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body was read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the body was read");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the body was read");
    }
}
