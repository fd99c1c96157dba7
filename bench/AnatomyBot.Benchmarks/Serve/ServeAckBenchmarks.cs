using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>Target: <c>serve</c> acknowledges signed GitHub deliveries (stored in the SQLite ledger, queued,
/// 202) at ≥ 1,000 per second with a p99 at most 2× that of a bare Kestrel endpoint answering 202, both on loopback,
/// measured side by side. Each operation is a burst of <see cref="Requests"/> deliveries with fresh ids sent by
/// <see cref="Concurrency"/> workers. Processing runs in the same process as in production, against the fake GitHub API
/// answering after <see cref="ApiLatencyMs"/>: 100 ms is a typical api.github.com round trip, so processing (one consumer,
/// <c>Inbox:Concurrency</c> 1) works at its production pace while the bursts are acknowledged; 0 ms is the worst case,
/// where the consumer and the fake API are CPU-bound and compete with the acknowledgements for the two cores (its backlog
/// is drained between iterations, outside the measurement, so no iteration inherits another's).
/// Run: <c>dotnet run -c Release --project bench/AnatomyBot.Benchmarks -- --filter *ServeAck*</c>.</summary>
[Config(typeof(Config))]
public class ServeAckBenchmarks : IDisposable
{
    public const int Requests = 2_000;

    private AckRig? _rig;
    private AckLoad? _load;

    [Params(32)]
    public int Concurrency { get; set; }

    [Params(0, 100)]
    public int ApiLatencyMs { get; set; }

    internal static string Key(string method, int concurrency, int apiLatencyMs) => $"{method}({concurrency}, {apiLatencyMs} ms)";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rig = new AckRig();
        await _rig.StartAsync(TimeSpan.FromMilliseconds(ApiLatencyMs));
        _load = new AckLoad(Concurrency, _rig.Payloads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// AnatomyBot: payload {_rig.Payloads[0].Body.Length:N0} bytes, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    }

    [IterationSetup]
    public void NewDeliveryIds() => _load!.Prepare(Requests);

    [Benchmark(Baseline = true, Description = "bare Kestrel 202")]
    public async Task Bare() => Record(nameof(Bare), await _load!.RunAsync(_rig!.BareEndpoint));

    [Benchmark(Description = "serve (ledger + queue + 202)")]
    public async Task Serve() => Record(nameof(Serve), await _load!.RunAsync(_rig!.ServeEndpoint));

    /// <summary>With an instant API, lets processing finish the burst before the next iteration, so no iteration measures
    /// another's backlog. (At 100 ms a call the backlog is worked off at production pace and is left to it.)</summary>
    [IterationCleanup(Target = nameof(Serve))]
    public void Drain()
    {
        if (ApiLatencyMs == 0)
        {
            _rig!.Inbox.WaitIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// AnatomyBot: load average {LoadAverage()}");
        Dispose();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _load?.Dispose();
            _load = null;
            _rig?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _rig = null;
        }
    }

    private void Record(string method, AckRun run)
    {
        AckRecords.Add(Key(method, Concurrency, ApiLatencyMs), run);
        Console.WriteLine($"// AnatomyBot {method}: {run}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(AckColumn.Throughput, AckColumn.P50, AckColumn.P99, AckColumn.P99Ratio);
        }
    }
}
