using System.Globalization;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Waivers;

/// <summary>The rules every waiver meets, wherever it comes from (the file, a command): the shape of item ids and
/// dates, known gap codes, and the longest duration. One place, so lint, the engine and the commands agree.</summary>
public static partial class WaiverRules
{
    /// <summary>The gap code that waives every gap.</summary>
    public const string AllGaps = "*";

    /// <summary>The longest a waiver may run when <c>policy.waivers.maxDays</c> is not set.</summary>
    public const int DefaultMaxDays = 90;

    /// <summary>The ISO date format of <c>until</c> and of <c>--today</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A GitHub <c>owner/repo#N</c> or an Azure DevOps numeric id.</summary>
    public static bool IsItemId(string text) => ItemIdPattern().IsMatch(text);

    public static bool IsGapCode(string code) => code == AllGaps || GapCodes.All.Contains(code, StringComparer.Ordinal);

    /// <summary>Why the waiver cannot apply on <paramref name="today"/>, or null when it applies: expired, running past
    /// <paramref name="maxDays"/> after today, or naming an unknown gap code.</summary>
    public static string? Problem(Waiver waiver, DateOnly today, int maxDays)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        if (waiver.Until < today)
        {
            return $"waiver {waiver.Id} expired on {Format(waiver.Until)}";
        }

        if (waiver.Until > today.AddDays(maxDays))
        {
            return $"waiver {waiver.Id} is ignored: it runs until {Format(waiver.Until)}, more than {maxDays} days after {Format(today)} (policy.waivers.maxDays)";
        }

        return waiver.Gaps.FirstOrDefault(g => !IsGapCode(g)) is { } unknown
            ? $"waiver {waiver.Id} is ignored: '{unknown}' is not a gap code ({string.Join(", ", GapCodes.All)} or {AllGaps})"
            : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9_.\-]{1,100}/[A-Za-z0-9_.\-]{1,100}#[1-9][0-9]{0,9}|[1-9][0-9]{0,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemIdPattern();
}
