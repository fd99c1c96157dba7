using System.Globalization;
using System.Runtime.InteropServices;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>The hot loops' micro-benchmarks timed in the thread's own CPU time instead of wall time: on a machine shared
/// with other work, a benchmark's wall time follows whatever else runs, its CPU time much less. Each operation runs
/// <c>SAMPLES</c> times after three warm-ups; prints the median and the minimum per operation.</summary>
internal static class HotLoopProbe
{
    public static void Run(int samples)
    {
        var terms = new TermsBenchmarks();
        terms.Setup();
        var rank = new RankBenchmarks();
        rank.Setup();
        var references = new ReferencesBenchmarks();
        references.Setup();
        Time("Terms.Collect", samples, () => terms.Collect());
        Time("Rank.Rank", samples, () => rank.Rank());
        Time("Rank.RankBelowTrace", samples, () => rank.RankBelowTrace());
        Time("References.Extract", samples, () => references.Extract());
    }

    private static void Time(string name, int samples, Func<double> operation)
    {
        for (var i = 0; i < 3; i++)
        {
            operation();
        }

        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = ThreadCpuMicroseconds();
            operation();
            times[i] = ThreadCpuMicroseconds() - start;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} median {times[samples / 2] / 1000:F3} ms CPU, min {times[0] / 1000:F3} ms"));
    }

    private static double ThreadCpuMicroseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    /// <summary>Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>.</summary>
    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
