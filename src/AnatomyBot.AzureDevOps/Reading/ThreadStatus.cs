namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Thread statuses the bot writes: <c>active</c> while gaps remain, <c>closed</c> when none do. Reading, anything
/// but active/pending (fixed, closed, wontFix, byDesign) counts as resolved.</summary>
public static class ThreadStatus
{
    public const string Active = "active";
    public const string Closed = "closed";

    public static string For(bool resolved) => resolved ? Closed : Active;

    public static bool IsResolved(string? status) =>
        status is not null
        && !string.Equals(status, Active, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(status, "pending", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(status, "unknown", StringComparison.OrdinalIgnoreCase);
}
