using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>Per-request latencies of the acknowledgement benchmarks, kept in this process (in-process toolchain) so the
/// summary columns can report percentiles and throughput over the measured iterations.</summary>
internal static class AckRecords
{
    private static readonly ConcurrentDictionary<string, List<AckRun>> Runs = new(StringComparer.Ordinal);

    public static void Add(string method, AckRun run) => Runs.GetOrAdd(method, _ => []).Add(run);

    /// <summary>The last <paramref name="iterations"/> runs of the method: the measured ones come after jitting and warm-up.</summary>
    public static AckStatistics? Last(string method, int iterations)
    {
        if (!Runs.TryGetValue(method, out var runs) || runs.Count == 0)
        {
            return null;
        }

        var measured = runs.Skip(Math.Max(0, runs.Count - iterations)).ToList();
        var all = measured.SelectMany(r => r.Latencies).Order().ToArray();
        var requests = all.Length;
        var seconds = measured.Sum(r => r.Elapsed.TotalSeconds);
        return new AckStatistics(requests, Percentile(all, 0.50), Percentile(all, 0.99), Percentile(all, 1.0), requests / seconds);
    }

    private static double Percentile(long[] sorted, double p)
    {
        var index = Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>Latency percentiles in milliseconds and acknowledged requests per second of wall time.</summary>
internal sealed record AckStatistics(int Requests, double P50Ms, double P99Ms, double MaxMs, double PerSecond)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Requests} requests: p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, max {MaxMs:F1} ms, {PerSecond:F0} acknowledged/s");
}
