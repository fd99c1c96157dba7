using System.Text;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Tests.Support;
using AnatomyBot.Hosting.Webhooks;
using AnatomyBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task ReceiveAsync_RefusedOnItsHeaders_Answers401WithoutReadingTheBody()
    {
        var request = Request("{}", deliveryId: null);
        request.Body = new UnreadableStream();

        var receipt = await Receiver().ReceiveAsync(Platforms.GitHub, request, TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(401, "missing signature"), receipt);
        await AssertNothingStoredOrQueuedAsync();
    }

    [Fact]
    public async Task ReceiveAsync_EveryBodyPlaceTaken_Answers503WithRetryAfterWithoutReadingTheBody_ThenAcceptsAgain()
    {
        var receiver = Receiver(maxConcurrentBodies: 1);
        var slow = Request("{}", "d-slow");
        var gate = new SlowStream(Encoding.UTF8.GetBytes("{}"));
        slow.Body = gate;
        slow.ContentLength = null;
        var first = receiver.ReceiveAsync(Platforms.GitHub, slow, TestContext.Current.CancellationToken);
        await gate.Reading.WaitAsync(TestContext.Current.CancellationToken);
        var busy = Request("{}", "d-busy");
        busy.Body = new UnreadableStream();

        var refused = await receiver.ReceiveAsync(Platforms.GitHub, busy, TestContext.Current.CancellationToken);
        gate.Release.SetResult();
        var accepted = await first;
        var after = await receiver.ReceiveAsync(Platforms.GitHub, Request("{\"a\":1}", "d-after"), TestContext.Current.CancellationToken);

        Assert.Equal((503, TimeSpan.FromSeconds(5)), (refused.StatusCode, refused.RetryAfter));
        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(202, after.StatusCode);
        Assert.Equal(["d-slow", "d-after"], _scheduler.Queued.Select(q => q.Delivery.Id));
    }

    [Fact]
    public async Task ReceiveAsync_SameBodyUnderANewDeliveryIdWithin24Hours_AcknowledgesAsDuplicateAndStoresNothing()
    {
        var time = new FakeTimeProvider(Now);
        var receiver = Receiver(time: time);
        await receiver.ReceiveAsync(Platforms.GitHub, Request("""{"action":"opened"}""", "d-1"), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(23));

        var replay = await receiver.ReceiveAsync(Platforms.GitHub, Request("""{"action":"opened"}""", "d-2"), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(2));
        var later = await receiver.ReceiveAsync(Platforms.GitHub, Request("""{"action":"opened"}""", "d-3"), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookReceipt(202, "duplicate body: already received under another delivery id", "d-2", true), replay);
        Assert.Null(await _ledger.Deliveries.GetAsync(Platforms.GitHub, "d-2", TestContext.Current.CancellationToken));
        Assert.Equal(new WebhookReceipt(202, "accepted", "d-3", false), later);
        Assert.Equal(["d-1", "d-3"], _scheduler.Queued.Select(q => q.Delivery.Id));
    }

    public void Dispose() => _ledger.Dispose();

    private WebhookReceiver Receiver(long maxBodyBytes = 1024, int maxConcurrentBodies = 8, TimeProvider? time = null) =>
        new(
            [new HeaderIngress(maxBodyBytes)], _ledger.Deliveries, _ledger.Fingerprints, _scheduler,
            Options.Create(new IngressOptions { MaxConcurrentBodies = maxConcurrentBodies }), time ?? new FakeTimeProvider(Now), _logs);

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

    /// <summary>A body that, once read from, waits for the test to let it end.</summary>
    private sealed class SlowStream(byte[] bytes) : MemoryStream(bytes)
    {
        private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reading => _reading.Task;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _reading.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
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
