using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The "Waivers" section: the standing waivers (file and command), those lapsing within two weeks, those that
/// lapsed in the week, and counts by approver. Left out when no waiver stands or lapsed in the week.</summary>
internal static class WaiversSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        var waivers = digest.Waivers;
        if (waivers.IsEmpty)
        {
            return;
        }

        blocks.Add("## Waivers");
        var source = waivers.FileOnly
            ? "From the anatomy file only: waivers made by `/anatomy waive` are in the ledger, which this digest does not read."
            : "From the anatomy file and from `/anatomy waive` (the audit trail).";
        blocks.Add($"{Count(waivers.ActiveCount, "waiver")} standing on {WaiverRules.Format(waivers.Day)}, {Count(waivers.ExpiringCount, "lapsing")} within {WaiverDigest.ExpiringDays} days, {Count(waivers.LapsedCount, "lapsed")} this week. {source}");
        if (waivers.ByApprover.Count > 0)
        {
            var lines = new List<string> { "| Approved by | Standing waivers |", "|---|---:|" };
            lines.AddRange(waivers.ByApprover.Take(WaiverDigest.MaxRows).Select(a => $"| {MarkdownText.Escape(a.Approver)} | {MarkdownText.Number(a.Count)} |"));
            blocks.AddLines(lines);
        }

        Table(blocks, "### Lapsing within two weeks", waivers.Expiring, waivers.ExpiringCount);
        Table(blocks, "### Lapsed this week", waivers.Lapsed, waivers.LapsedCount);
        Table(blocks, "### Standing", waivers.Active, waivers.ActiveCount);
    }

    private static void Table(DigestBlocks blocks, string heading, IReadOnlyList<WaiverRow> rows, int total)
    {
        if (rows.Count == 0)
        {
            return;
        }

        blocks.Add(heading);
        var lines = new List<string> { "| Waiver | Items | Gaps | Until | Approved by | Reason |", "|---|---|---|---|---|---|" };
        lines.AddRange(rows.Select(r =>
            $"| {MarkdownText.Code(r.Id)}{(r.ByCommand ? " (command)" : "")} | {string.Join(", ", r.Items.Take(5).Select(MarkdownText.Code))}{(r.Items.Count > 5 ? $" and {r.Items.Count - 5} more" : "")} | "
            + $"{string.Join(", ", r.Gaps.Select(MarkdownText.Code))} | {WaiverRules.Format(r.Until)} | {MarkdownText.Escape(r.ApprovedBy)} | {MarkdownText.Escape(r.Reason)} |"));
        blocks.AddLines(lines);
        if (total > rows.Count)
        {
            blocks.Add($"…and {MarkdownText.Number(total - rows.Count)} more.");
        }
    }

    private static string Count(int count, string what) => what switch
    {
        "waiver" => count == 1 ? "1 waiver" : MarkdownText.Number(count) + " waivers",
        _ => MarkdownText.Number(count) + " " + what,
    };
}
