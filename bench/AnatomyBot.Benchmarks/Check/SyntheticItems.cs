using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

using AnatomyBot.Synthetic;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>What the micro-benchmarks of <c>check</c>'s hot loops start from: the 540-element synthetic anatomy's index and
/// a few thousand synthetic work items, mapped.</summary>
internal static class SyntheticItems
{
    public static (AnatomyIndex Index, IReadOnlyList<WorkItem> Items) Load(int count, int seed)
    {
        var anatomy = AnatomyParser.Parse(SyntheticAnatomy.Yaml()).Anatomy!;
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, count, seed);
        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var items = document.RootElement.GetProperty("value").EnumerateArray().Select(e => AzureDevOpsWorkItemMapper.Map(e).Item!).ToList();
        return (new AnatomyIndex(anatomy), items);
    }

    /// <summary>In process, 3 warm-ups and 30 measured iterations: short operations, many samples, for a steady median on a
    /// shared machine.</summary>
    internal sealed class MicroConfig : ManualConfig
    {
        public MicroConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(30));
    }
}
