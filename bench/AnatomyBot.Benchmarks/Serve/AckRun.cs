using System.Diagnostics;
using System.Globalization;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>One benchmark invocation: the latency of every request (Stopwatch ticks, sorted) and the wall time of the burst.</summary>
internal sealed record AckRun(long[] Latencies, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Latencies.Length / Elapsed.TotalSeconds:F0}/s, p50 {Ms(Latencies[Latencies.Length / 2]):F2} ms, p99 {Ms(Latencies[(Latencies.Length * 99 / 100) - 1]):F2} ms");

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
