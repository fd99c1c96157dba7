using System.Threading.Channels;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Retention;
using AnatomyBot.Hosting.Tests.Support;
using AnatomyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Tests.Retention;

/// <summary><c>Storage:DeliveryRetention</c> on a real SQLite ledger and a fake clock: what is deleted, when
/// <c>serve</c> deletes it, and the option's start-up validation.</summary>
public sealed class DeliveryRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly TempLedger _ledger = new();
    private readonly ObservedTimeProvider _time = new(Now);

    [Fact]
    public async Task RunAsync_DefaultRetention_DeletesDeliveriesAndFingerprintsOlderThan30DaysAndKeepsEvaluations()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _ledger.Deliveries.TryAddAsync(Delivery("old", Now.AddDays(-30).AddTicks(-1)), cancellationToken);
        await _ledger.Deliveries.TryAddAsync(Delivery("recent", Now.AddDays(-30)), cancellationToken);
        await _ledger.Deliveries.MarkAsync(Platforms.GitHub, "old", DeliveryStatus.Processed, Now.AddDays(-1), null, cancellationToken);
        await _ledger.Fingerprints.TryRecordAsync(Platforms.GitHub, "f-old", "old", Now.AddDays(-31), Now.AddDays(-32), cancellationToken);
        await _ledger.Fingerprints.TryRecordAsync(Platforms.GitHub, "f-recent", "recent", Now.AddDays(-29), Now.AddDays(-30), cancellationToken);
        var evaluation = new StoredEvaluation
        {
            Source = Core.Linkage.ItemSource.GitHub,
            ItemId = "o/r#1",
            Kind = Core.Policy.ItemKind.Story,
            Title = "Story",
            Layer = Core.Anatomy.Layer.Unmapped,
            Trace = new Core.Linkage.Trace([], [], [], []),
            Gaps = new Dictionary<string, Core.Policy.GapSeverity> { [Core.Linkage.GapCodes.NoOutcome] = Core.Policy.GapSeverity.Warn },
            FirstSeen = Now.AddDays(-60),
            EvaluatedAt = Now.AddDays(-60),
        };
        await _ledger.Evaluations.RecordAsync([evaluation], cancellationToken);
        var logs = new FakeLogger<DeliveryRetentionSweep>();

        var deleted = await Sweep(new DeliveryRetentionOptions(), logs).RunAsync(cancellationToken);

        Assert.Equal((1, 1), deleted);
        Assert.Null(await _ledger.Deliveries.GetAsync(Platforms.GitHub, "old", cancellationToken));
        Assert.NotNull(await _ledger.Deliveries.GetAsync(Platforms.GitHub, "recent", cancellationToken));
        Assert.True(await _ledger.Fingerprints.TryRecordAsync(Platforms.GitHub, "f-old", "other", Now, Now.AddDays(-40), cancellationToken));
        Assert.False(await _ledger.Fingerprints.TryRecordAsync(Platforms.GitHub, "f-recent", "other", Now, Now.AddDays(-40), cancellationToken));
        Assert.NotNull(await _ledger.Evaluations.GetLatestAsync(evaluation.Source, evaluation.ItemId, cancellationToken));
        Assert.Equal(
            "Delivery retention deleted 1 deliveries and 1 body fingerprints received before 2026-11-01T06:00:00.0000000+00:00",
            logs.Collector.LatestRecord.Message);
    }

    [Fact]
    public async Task RunAsync_ConfiguredRetention_UsesItsCutoff()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _ledger.Deliveries.TryAddAsync(Delivery("three-days", Now.AddDays(-3)), cancellationToken);
        await _ledger.Deliveries.TryAddAsync(Delivery("one-day", Now.AddDays(-1)), cancellationToken);

        var deleted = await Sweep(new DeliveryRetentionOptions { DeliveryRetention = TimeSpan.FromDays(2) }).RunAsync(cancellationToken);

        Assert.Equal((1, 0), deleted);
        Assert.Equal(["one-day"], (await _ledger.Deliveries.ListAsync(DeliveryStatus.Received, 10, cancellationToken)).Select(r => r.Delivery.Id));
    }

    [Fact]
    public async Task Timer_Started_DeletesAtStartAndThenEveryDayOnTheClock()
    {
        var retention = new RecordingRetention();
        using var timer = new DeliveryRetentionTimer(
            new DeliveryRetentionSweep(retention, _ledger.Fingerprints, Options.Create(new DeliveryRetentionOptions()), _time, new FakeLogger<DeliveryRetentionSweep>()),
            _time,
            new FakeLogger<DeliveryRetentionTimer>());

        await timer.StartAsync(TestContext.Current.CancellationToken);
        await retention.CalledAsync(1);
        await _time.TimersCreatedAsync(1);
        _time.Advance(TimeSpan.FromHours(23));
        _time.Advance(TimeSpan.FromHours(1));
        await retention.CalledAsync(2);
        _time.Advance(TimeSpan.FromDays(1));
        await retention.CalledAsync(3);
        await timer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Now.AddDays(-30), Now.AddDays(-29), Now.AddDays(-28)], retention.Cutoffs);
    }

    [Fact]
    public async Task Timer_LedgerFails_LogsAnErrorAndRunsAgainTheNextDay()
    {
        var retention = new RecordingRetention(failFirst: true);
        var logs = new FakeLogger<DeliveryRetentionTimer>();
        using var timer = new DeliveryRetentionTimer(
            new DeliveryRetentionSweep(retention, _ledger.Fingerprints, Options.Create(new DeliveryRetentionOptions()), _time, new FakeLogger<DeliveryRetentionSweep>()),
            _time,
            logs);

        await timer.StartAsync(TestContext.Current.CancellationToken);
        await retention.CalledAsync(1);
        await _time.TimersCreatedAsync(1);
        _time.Advance(TimeSpan.FromDays(1));
        await retention.CalledAsync(2);
        await timer.StopAsync(TestContext.Current.CancellationToken);

        var error = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal("Delivery retention failed; it runs again in a day", error.Message);
        Assert.IsType<IOException>(error.Exception);
    }

    [Theory]
    [InlineData("12:00:00")]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("3651.00:00:00")]
    public async Task Start_RetentionOutOfRange_FailsNamingTheKey(string value)
    {
        using var host = Host(value);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DeliveryRetention", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("1.00:00:00", 1)]
    [InlineData("365.00:00:00", 365)]
    public void Options_ValidOrUnset_BindsTheRetention(string? value, int days)
    {
        using var host = Host(value);

        Assert.Equal(TimeSpan.FromDays(days), host.Services.GetRequiredService<IOptions<DeliveryRetentionOptions>>().Value.DeliveryRetention);
    }

    public void Dispose() => _ledger.Dispose();

    private IHost Host(string? retention)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (retention is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DeliveryRetention"] = retention });
        }
        builder.Services.AddAnatomyBotSqliteStorage(Path.Combine(_ledger.Folder, "host.db"));
        builder.Services.AddAnatomyBotPipeline(builder.Configuration);
        return builder.Build();
    }

    private DeliveryRetentionSweep Sweep(DeliveryRetentionOptions options, FakeLogger<DeliveryRetentionSweep>? logs = null) => new(
        _ledger.Retention,
        _ledger.Fingerprints,
        Options.Create(options),
        _time,
        logs ?? new FakeLogger<DeliveryRetentionSweep>());

    private static Delivery Delivery(string id, DateTimeOffset receivedAt) =>
        new() { Platform = Platforms.GitHub, Id = id, EventName = "issues", Body = $$"""{"id":"{{id}}"}""", ReceivedAt = receivedAt };

    /// <summary>Records each cutoff it is asked for and lets a test wait for the n-th call.</summary>
    private sealed class RecordingRetention(bool failFirst = false) : IDeliveryRetention
    {
        private readonly Channel<DateTimeOffset> _calls = Channel.CreateUnbounded<DateTimeOffset>();
        private readonly List<DateTimeOffset> _cutoffs = [];
        private int _seen;

        public IReadOnlyList<DateTimeOffset> Cutoffs
        {
            get
            {
                lock (_cutoffs)
                {
                    return [.. _cutoffs];
                }
            }
        }

        public Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
        {
            bool first;
            lock (_cutoffs)
            {
                _cutoffs.Add(before);
                first = _cutoffs.Count == 1;
            }

            _calls.Writer.TryWrite(before);
            return first && failFirst ? Task.FromException<int>(new IOException("database is locked")) : Task.FromResult(0);
        }

        public async Task CalledAsync(int count)
        {
            while (_seen < count)
            {
                await _calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().Within();
                _seen++;
            }
        }
    }
}
