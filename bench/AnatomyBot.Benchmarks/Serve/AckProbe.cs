namespace AnatomyBot.Benchmarks.Serve;

/// <summary><c>probe-serve SECONDS</c>: the benchmark's load (bursts of 2,000 deliveries, 32 at a time, fake GitHub API
/// answering in 100 ms) against serve for a while, printing each burst's figures, so a profiler can attach
/// (<c>dotnet-trace collect -p PID --profile dotnet-sampled-thread-time</c>).</summary>
internal static class AckProbe
{
    public static async Task RunAsync(int seconds)
    {
        await using var rig = new AckRig();
        await rig.StartAsync(TimeSpan.FromMilliseconds(100));
        using var load = new AckLoad(32, rig.Payloads);
        Console.WriteLine($"pid {Environment.ProcessId}");
        using var allocations = Environment.GetEnvironmentVariable("PROBE_ALLOC") is null ? null : new Check.GcEventProbe(allocations: true);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            load.Prepare(ServeAckBenchmarks.Requests);
            var (gcs, pause, bytes) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            var run = await load.RunAsync(rig.ServeEndpoint);
            Console.WriteLine($"{run}; {GC.CollectionCount(0) - gcs} GCs, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, {(GC.GetTotalAllocatedBytes() - bytes) / ServeAckBenchmarks.Requests / 1024} KB/request");
        }
    }
}
