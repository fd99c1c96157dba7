namespace AnatomyBot.Hosting.Digest;

/// <summary>The weekly digest job. Configuration section <c>Digest</c>: <c>Digest:Schedule</c> (the timer's six-field CRON,
/// validated by the Functions app), <c>Digest:AnatomyPath</c> (the anatomy file deployed with the app) and
/// <c>Digest:TimeZone</c> (IANA or Windows id; weeks start Monday 00:00 there).</summary>
public sealed class WeeklyDigestOptions
{
    public const string SectionName = "Digest";

    public string AnatomyPath { get; set; } = "anatomy.yml";

    public string TimeZone { get; set; } = "UTC";
}
