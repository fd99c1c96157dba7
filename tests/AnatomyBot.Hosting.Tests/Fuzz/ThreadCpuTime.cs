using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>CPU time of the calling thread (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>), so that what one input costs is
/// measured without the time the thread waited for a core on a loaded machine. Elsewhere: elapsed time.</summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
        {
            return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
