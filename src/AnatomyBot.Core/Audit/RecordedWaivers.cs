using System.Globalization;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Audit;

/// <summary>The waivers made by <c>/anatomy waive</c>, read back from the audit trail: each <c>waive</c> entry of an item
/// is a waiver of its gap code until its date, approved by its actor; a later <c>unwaive</c> of the same item and code
/// ends it. Pure.</summary>
public static class RecordedWaivers
{
    /// <summary>How the key of an entry made by a comment command starts (<c>comment:github:acme/web:123:0</c>).</summary>
    public const string CommandKeyPrefix = "comment:";

    /// <summary>How many audit entries one read for recorded waivers takes at most.</summary>
    public const int MaxRead = 10_000;

    /// <summary>How far back a read for recorded waivers must reach on <paramref name="today"/>: a waiver runs at most
    /// <paramref name="maxDays"/> days after the day it was made, so an older one has lapsed.</summary>
    public static DateTimeOffset Since(DateOnly today, int maxDays) =>
        new(today.AddDays(-maxDays - 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The waivers <paramref name="entries"/> (oldest first) leave standing, for every item they name.</summary>
    public static IReadOnlyList<Waiver> All(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Where(e => e.Item is not null).GroupBy(e => e.Item!, StringComparer.OrdinalIgnoreCase).SelectMany(g => For(g, g.Key))];
    }

    /// <summary>The waivers <paramref name="entries"/> (oldest first) leave standing for <paramref name="item"/>.</summary>
    public static IReadOnlyList<Waiver> For(IEnumerable<AuditEntry> entries, string item)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var standing = new List<(AuditEntry Entry, Waiver Waiver)>();
        foreach (var entry in entries.Where(e => string.Equals(e.Item, item, StringComparison.OrdinalIgnoreCase)))
        {
            if (entry.Action == AuditAction.Unwaive)
            {
                standing.RemoveAll(s => string.Equals(s.Waiver.Gaps[0], entry.Subject, StringComparison.Ordinal));
            }
            else if (entry.Action == AuditAction.Waive && entry.Key?.StartsWith(CommandKeyPrefix, StringComparison.Ordinal) == true && entry.Until is { } until && entry.Reason is { } reason)
            {
                standing.Add((entry, new Waiver
                {
                    Id = "C-" + entry.At.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
                    Items = [item],
                    Gaps = [entry.Subject],
                    Until = until,
                    Reason = reason,
                    ApprovedBy = "@" + entry.Actor,
                    SourceUrl = entry.Origin,
                }));
            }
        }

        return [.. standing.Select(s => s.Waiver)];
    }
}
