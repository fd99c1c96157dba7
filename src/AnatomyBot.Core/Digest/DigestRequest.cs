using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Digest;

/// <summary>What to digest: the anatomy, the ISO week and its time zone, and the anatomy's lint diagnostics.
/// Core takes no clock: the week is an input.</summary>
public sealed record DigestRequest
{
    public required EnterpriseAnatomy Anatomy { get; init; }

    public required IsoWeek Week { get; init; }

    /// <summary>Where weeks begin and end (Monday 00:00 local time). UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The anatomy's own lint diagnostics (stages without outcome, logic or components…).</summary>
    public IReadOnlyList<AnatomyDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Weeks in the trend chart, the reported week included (at least 2).</summary>
    public int TrendWeeks { get; init; } = 8;

    /// <summary>How many items with open gaps, and escaped pull requests, to list; the rest are counted.</summary>
    public int AttentionLimit { get; init; } = 15;

    /// <summary>The waivers made by command (read from the audit trail) standing at the week's end; null when there is no
    /// audit trail to read, and the Waivers section says it shows the file's only.</summary>
    public IReadOnlyList<Waiver>? CommandWaivers { get; init; }

    /// <summary>Title of the digest; by default "Anatomy digest 2026-W48".</summary>
    public string? Title { get; init; }

    public DateTimeOffset WeekStart => Week.StartIn(TimeZone);

    public DateTimeOffset WeekEnd => Week.AddWeeks(1).StartIn(TimeZone);

    /// <summary>The first instant whose gap events the digest reads; it reads every event from here on, including
    /// those after the week (they tell what the state was at the week's end).</summary>
    public DateTimeOffset EventsSince => Week.AddWeeks(1 - Math.Max(2, TrendWeeks)).StartIn(TimeZone);

    /// <summary>A request for <paramref name="week"/> whose diagnostics are the anatomy's own lint findings
    /// (<see cref="AnatomyLinter"/>), warnings and errors only.</summary>
    public static DigestRequest For(EnterpriseAnatomy anatomy, IsoWeek week, TimeZoneInfo? timeZone = null) => new()
    {
        Anatomy = anatomy,
        Week = week,
        TimeZone = timeZone ?? TimeZoneInfo.Utc,
        Diagnostics = LintFindings(anatomy),
    };

    /// <summary>The anatomy's lint warnings and errors, as the digest's last section shows them.</summary>
    public static IReadOnlyList<AnatomyDiagnostic> LintFindings(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        return [.. AnatomyLinter.Lint(anatomy).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }

    internal string ResolvedTitle => Title ?? $"Anatomy digest {Week}";
}
