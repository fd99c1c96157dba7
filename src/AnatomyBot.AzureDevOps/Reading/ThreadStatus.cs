namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Thread statuses the bot writes: <c>active</c> while gaps remain, <c>fixed</c> when none do — the status the
/// REST API describes as "resolved as fixed" and the web UI shows as <em>Resolved</em>. Reading, anything but
/// active/pending/unknown (fixed, closed, wontFix, byDesign) counts as resolved, so a person closing the thread by hand
/// is not reopened while no gaps remain.</summary>
public static class ThreadStatus
{
    public const string Active = "active";
    public const string Resolved = "fixed";

    public static string For(bool resolved) => resolved ? Resolved : Active;

    public static bool IsResolved(string? status) =>
        status is not null
        && !string.Equals(status, Active, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(status, "pending", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(status, "unknown", StringComparison.OrdinalIgnoreCase);
}
