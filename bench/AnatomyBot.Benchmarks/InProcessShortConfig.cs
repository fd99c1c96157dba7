using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnatomyBot.Benchmarks;

/// <summary>One warm-up and five measured iterations in the benchmark process itself: no per-job project build, which
/// on the shared 2-core machine exceeds BenchmarkDotNet's build timeout.</summary>
internal sealed class InProcessShortConfig : ManualConfig
{
    public InProcessShortConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}
