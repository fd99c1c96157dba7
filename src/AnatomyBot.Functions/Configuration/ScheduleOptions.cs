namespace AnatomyBot.Functions.Configuration;

/// <summary>A timer's schedule: <c>Digest:Schedule</c> (weekly digest, default Monday 07:00 UTC) and
/// <c>Sweep:Schedule</c> (nightly reconcile sweep, default 03:30 UTC). The timer triggers read the same app settings
/// through <c>%Digest:Schedule%</c> and <c>%Sweep:Schedule%</c>; validating them here stops a bad value at start-up.</summary>
public sealed class ScheduleOptions
{
    public const string Digest = "Digest";

    public const string Sweep = "Sweep";

    [CronSchedule]
    public string Schedule { get; set; } = "";
}
