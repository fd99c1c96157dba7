using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>Summary columns from <see cref="AckRecords"/>: latency percentiles, acknowledged requests per second, and the
/// p99 as a multiple of the baseline's (the target is at most 2×).</summary>
internal sealed class AckColumn(string name, string legend, Func<AckStatistics, AckStatistics?, double> value, string format) : IColumn
{
    public static readonly AckColumn P50 = new("p50 ms", "Median latency of one request", (s, _) => s.P50Ms, "F2");
    public static readonly AckColumn P99 = new("p99 ms", "99th-percentile latency of one request", (s, _) => s.P99Ms, "F2");
    public static readonly AckColumn Throughput = new("Acks/s", "Requests answered 202 per second of wall time", (s, _) => s.PerSecond, "F0");
    public static readonly AckColumn P99Ratio = new("p99 / bare p99", "p99 divided by the baseline's p99", (s, b) => b is null ? double.NaN : s.P99Ms / b.P99Ms, "F2");

    public string Id => "Ack." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var mine = Statistics(benchmarkCase);
        if (mine is null)
        {
            return "-";
        }

        var baselineCase = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline && c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        var result = value(mine, baselineCase is null ? null : Statistics(baselineCase));
        return double.IsNaN(result) ? "-" : result.ToString(format, CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static AckStatistics? Statistics(BenchmarkCase benchmarkCase) =>
        AckRecords.Last(
            ServeAckBenchmarks.Key(
                benchmarkCase.Descriptor.WorkloadMethod.Name,
                (int)benchmarkCase.Parameters[nameof(ServeAckBenchmarks.Concurrency)],
                (int)benchmarkCase.Parameters[nameof(ServeAckBenchmarks.ApiLatencyMs)]),
            benchmarkCase.Job.Run.IterationCount);
}
