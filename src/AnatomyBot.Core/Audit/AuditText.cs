using System.Globalization;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Audit;

/// <summary>The audit trail as text and as a Markdown table, one line or row per entry, oldest first. Pure.</summary>
public static class AuditText
{
    /// <summary>The subject of an entry that acts on nothing but its item (<c>recheck</c>, <c>explain</c>).</summary>
    public const string NoSubject = "-";

    /// <summary>An entry's time as written everywhere: <c>2026-12-01 09:00Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>What was done: <c>waive no-component until 2026-12-31: Spike</c>, <c>link component:C-LEDGER</c>.</summary>
    public static string What(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.Subject == NoSubject ? EnumCodes.ToCode(entry.Action) : EnumCodes.ToCode(entry.Action) + " " + entry.Subject;
        if (entry.Until is { } until)
        {
            what += " until " + until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return entry.Reason is { } reason ? what + ": " + reason : what;
    }

    /// <summary>One line per entry: time, who, what, item (or <c>-</c>), and the comment or commit it came from.</summary>
    public static string Text(IReadOnlyList<AuditEntry> entries, bool more)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = entries.Select(e => string.Join("  ", Time(e.At), MarkdownText.Flatten(e.Actor), MarkdownText.Flatten(e.Item ?? "-"), MarkdownText.Flatten(What(e))) + (MarkdownText.SafeUrl(e.Origin) is { } url ? "  " + url : ""));
        return string.Concat(lines.Select(l => l + "\n")) + Footer(entries.Count, more) + "\n";
    }

    /// <summary>A table: When (UTC), Who, Item, What, From (a link to the comment or commit).</summary>
    public static string Markdown(IReadOnlyList<AuditEntry> entries, bool more)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new List<string> { "## Audit trail", "" };
        if (entries.Count > 0)
        {
            lines.Add("| When (UTC) | Who | Item | What | From |");
            lines.Add("|---|---|---|---|---|");
            lines.AddRange(entries.Select(e =>
                $"| {Time(e.At)} | {MarkdownText.Escape(e.Actor)} | {(e.Item is null ? "—" : MarkdownText.Code(e.Item))} | {MarkdownText.Escape(What(e))} | {(MarkdownText.SafeUrl(e.Origin) is { } url ? MarkdownText.Link("link", url) : "—")} |"));
            lines.Add("");
        }

        lines.Add(Footer(entries.Count, more));
        return string.Join("\n", lines) + "\n";
    }

    private static string Footer(int count, bool more) => count == 0
        ? "No audit entries."
        : (count == 1 ? "1 entry" : MarkdownText.Number(count) + " entries") + (more ? "; more were recorded: narrow with --since." : ".");
}
