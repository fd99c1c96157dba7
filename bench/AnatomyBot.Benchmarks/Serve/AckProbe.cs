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
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            load.Prepare(ServeAckBenchmarks.Requests);
            Console.WriteLine(await load.RunAsync(rig.ServeEndpoint));
        }
    }
}
