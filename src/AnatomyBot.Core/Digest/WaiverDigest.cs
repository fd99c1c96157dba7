using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Digest;

/// <summary>The digest's "Waivers" section: the waivers standing on the digest's day, those of them that lapse within
/// <see cref="ExpiringDays"/> days, those that lapsed in the reported week, and how many standing waivers each approver
/// gave. <see cref="FileOnly"/> when the waivers made by command could not be read (no ledger). Lists hold at most
/// <see cref="MaxRows"/> rows each, soonest to lapse first; the counts cover all. Pure.</summary>
public sealed record WaiverDigest
{
    /// <summary>How soon a standing waiver must lapse to be listed as expiring.</summary>
    public const int ExpiringDays = 14;

    /// <summary>The most rows in each list.</summary>
    public const int MaxRows = 50;

    public static WaiverDigest None { get; } = new();

    /// <summary>The day the section describes (the reported week's last day, or today for an export read without a week).</summary>
    public DateOnly Day { get; init; }

    public bool FileOnly { get; init; }

    public int ActiveCount { get; init; }

    public IReadOnlyList<WaiverRow> Active { get; init; } = [];

    public int ExpiringCount { get; init; }

    public IReadOnlyList<WaiverRow> Expiring { get; init; } = [];

    public int LapsedCount { get; init; }

    public IReadOnlyList<WaiverRow> Lapsed { get; init; } = [];

    /// <summary>Standing waivers per approver, most first, then by name.</summary>
    public IReadOnlyList<(string Approver, int Count)> ByApprover { get; init; } = [];

    public bool IsEmpty => ActiveCount == 0 && LapsedCount == 0;

    /// <summary>The section for <paramref name="day"/>: a waiver stands while <c>until</c> ≥ the day; it lapsed this week
    /// when its last day was <paramref name="weekStart"/>'s eve or later, and before <paramref name="day"/>.</summary>
    public static WaiverDigest For(IEnumerable<Waiver> fileWaivers, IEnumerable<Waiver>? commandWaivers, DateOnly weekStart, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(fileWaivers);
        var rows = fileWaivers.Select(w => Row(w, byCommand: false))
            .Concat((commandWaivers ?? []).Select(w => Row(w, byCommand: true)))
            .OrderBy(r => r.Until).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var active = rows.Where(r => r.Until >= day).ToList();
        var expiring = active.Where(r => r.Until < day.AddDays(ExpiringDays)).ToList();
        var lapsed = rows.Where(r => r.Until < day && r.Until >= weekStart.AddDays(-1)).ToList();
        return new WaiverDigest
        {
            Day = day,
            FileOnly = commandWaivers is null,
            ActiveCount = active.Count,
            Active = active.Take(MaxRows).ToList(),
            ExpiringCount = expiring.Count,
            Expiring = expiring.Take(MaxRows).ToList(),
            LapsedCount = lapsed.Count,
            Lapsed = lapsed.Take(MaxRows).ToList(),
            ByApprover = active.GroupBy(r => r.ApprovedBy, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.Select(r => r.ApprovedBy).Min(StringComparer.Ordinal)!, g.Count()))
                .OrderByDescending(a => a.Item2).ThenBy(a => a.Item1, StringComparer.Ordinal).ToList(),
        };
    }

    private static WaiverRow Row(Waiver waiver, bool byCommand) =>
        new(waiver.Id, waiver.Items, waiver.Gaps, waiver.Until, waiver.ApprovedBy, waiver.Reason, byCommand);
}
