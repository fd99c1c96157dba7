using System.Diagnostics;
using System.Diagnostics.Metrics;
using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Core.Pipeline;

/// <summary>The bot's OpenTelemetry instruments, all on the meter and activity source <see cref="Name"/>: the processor
/// records deliveries, verdict durations and gap changes; each channel's HTTP pipeline records its API calls and the
/// rate-limit quota left. Instruments cost nothing until a listener (an exporter, a test collector) subscribes.</summary>
public sealed class AnatomyBotTelemetry : IDisposable
{
    /// <summary>The meter and activity source name to subscribe to.</summary>
    public const string Name = "AnatomyBot";

    /// <summary>Spans: one per processed delivery (<c>anatomybot.delivery</c>).</summary>
    public static readonly ActivitySource Tracing = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _verdictDuration;
    private readonly UpDownCounter<long> _gapsOpen;
    private readonly Counter<long> _apiCalls;
    private readonly Gauge<long> _quotaRemaining;

    /// <param name="meterFactory">The host's meter factory; without one the instance owns its meter.</param>
    public AnatomyBotTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _deliveries = _meter.CreateCounter<long>("anatomybot.deliveries", "{delivery}", "Deliveries processed, by platform and outcome (processed, skipped, duplicate, retry, poisoned).");
        _verdictDuration = _meter.CreateHistogram<double>("anatomybot.verdict.duration", "s", "From a delivery's receipt to its verdict applied on the platform.");
        _gapsOpen = _meter.CreateUpDownCounter<long>("anatomybot.gaps.open", "{gap}", "Gaps opened (+1) and closed (-1), by gap code.");
        _apiCalls = _meter.CreateCounter<long>("anatomybot.api.calls", "{call}", "Platform API calls that reached the network, by platform and kind (read, write, not-modified).");
        _quotaRemaining = _meter.CreateGauge<long>("anatomybot.api.quota.remaining", "{call}", "Requests left in the platform's current rate-limit window, as its last answer said.");
    }

    /// <summary>Records what the processor did with one delivery at <paramref name="now"/>.</summary>
    public void Processed(ProcessingOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var platform = new KeyValuePair<string, object?>("platform", outcome.Delivery.Platform);
        _deliveries.Add(1, platform, new("outcome", OutcomeName(outcome)));
        if (outcome is { Status: ProcessingStatus.Processed, Result: { Skipped: null, Evaluations.Count: > 0 } })
        {
            _verdictDuration.Record(Math.Max(0, (now - outcome.Delivery.ReceivedAt).TotalSeconds), platform);
        }

        foreach (var gap in outcome.GapEvents)
        {
            _gapsOpen.Add(gap.Kind == GapEventKind.Opened ? 1 : -1, new KeyValuePair<string, object?>("code", gap.Code));
        }
    }

    /// <summary>Records one API call that reached <paramref name="platform"/>'s network.</summary>
    public void ApiCall(string platform, bool isWrite, bool notModified) =>
        _apiCalls.Add(1, new("platform", platform), new("kind", isWrite ? "write" : notModified ? "not-modified" : "read"));

    /// <summary>Records the requests left in <paramref name="platform"/>'s rate-limit window.</summary>
    public void QuotaRemaining(string platform, long remaining) =>
        _quotaRemaining.Record(remaining, new KeyValuePair<string, object?>("platform", platform));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static string OutcomeName(ProcessingOutcome outcome) => outcome.Status switch
    {
        ProcessingStatus.Processed => outcome.Result?.Skipped is null ? "processed" : "skipped",
        ProcessingStatus.Duplicate => "duplicate",
        ProcessingStatus.RetryScheduled => "retry",
        _ => "poisoned",
    };
}
