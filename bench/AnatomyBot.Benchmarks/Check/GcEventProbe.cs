using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Prints each collection's start (generation, reason) as the runtime reports it, to see what triggers it; with
/// <c>allocations</c>, also sums the runtime's allocation samples (one per ~100 KB) by type, printed on dispose.</summary>
internal sealed class GcEventProbe(bool allocations = false) : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is "GCStart_V2" or "GCStart_V1" or "GCStart" && !allocations)
        {
            var fields = string.Join(", ", eventData.PayloadNames!.Zip(eventData.Payload!, (n, v) => $"{n}={v}"));
            Console.WriteLine($"  gc start: {fields}");
        }
        else if (allocations && eventData.EventName is { } name && name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            var type = eventData.Payload![eventData.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
            var kind = Convert.ToInt32(eventData.Payload![eventData.PayloadNames!.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture);
            type = kind == 1 ? "(large) " + type : type;
            var amount = Convert.ToInt64(eventData.Payload![eventData.PayloadNames!.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine($"  {bytes * 100.0 / Math.Max(1, total),5:F1}%  {bytes >> 20,6} MB  {type}");
        }
    }
}
