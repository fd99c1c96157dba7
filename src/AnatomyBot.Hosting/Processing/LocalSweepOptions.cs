using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Processing;

/// <summary>The reconcile sweep in <c>serve</c> (the Functions app uses the CRON timer <c>Sweep:Schedule</c> instead).
/// Configuration section <c>Sweep</c>.</summary>
public sealed class LocalSweepOptions
{
    public const string SectionName = "Sweep";

    /// <summary>Time between sweeps of every platform's open items (e.g. <c>1.00:00:00</c> for nightly); unset is off.</summary>
    [TimeSpanRange("00:01:00", "31.00:00:00")]
    public TimeSpan? Interval { get; set; }
}
