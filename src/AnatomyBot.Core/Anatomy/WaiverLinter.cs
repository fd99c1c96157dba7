using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Anatomy;

/// <summary>Lint findings about the <c>waivers</c> section: unknown gap codes, past dates, durations over
/// <c>policy.waivers.maxDays</c> and duplicate ids (errors), and, given evaluations of a backlog, waivers that no longer
/// match any gap (warnings). The engine ignores the same waivers at run time; lint says so before a pull request merges.</summary>
public static class WaiverLinter
{
    public static IEnumerable<AnatomyDiagnostic> Lint(EnterpriseAnatomy anatomy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        var maxDays = anatomy.Policy.Waivers.MaxDays;
        var first = new Dictionary<string, Waiver>(StringComparer.OrdinalIgnoreCase);
        foreach (var waiver in anatomy.Waivers)
        {
            if (!first.TryAdd(waiver.Id, waiver))
            {
                yield return Finding(AnatomyDiagnosticCodes.WaiverDuplicateId, waiver, $"waiver id '{waiver.Id}' is already used by the waiver at {first[waiver.Id].Position} (waiver ids are unique, ignoring case)");
            }

            foreach (var code in waiver.Gaps.Where(g => !WaiverRules.IsGapCode(g)))
            {
                var suggestion = Parsing.KeySuggestions.Closest(code, [.. GapCodes.All]);
                var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                yield return Finding(AnatomyDiagnosticCodes.WaiverUnknownGap, waiver, $"waiver '{waiver.Id}' names '{code}', which is not a gap code{hint}; use {string.Join(", ", GapCodes.All)} or {WaiverRules.AllGaps}");
            }

            if (waiver.Until < today)
            {
                yield return Finding(AnatomyDiagnosticCodes.WaiverExpired, waiver, $"waiver '{waiver.Id}' expired on {WaiverRules.Format(waiver.Until)} and is ignored: remove it, or renew it with a new date and reason");
            }
            else if (waiver.Until > today.AddDays(maxDays))
            {
                yield return Finding(AnatomyDiagnosticCodes.WaiverTooLong, waiver, $"waiver '{waiver.Id}' runs until {WaiverRules.Format(waiver.Until)}, {waiver.Until.DayNumber - today.DayNumber} days from {WaiverRules.Format(today)}; at most {maxDays} days are allowed (policy.waivers.maxDays)");
            }
        }
    }

    /// <summary>Waivers that match no gap of <paramref name="evaluations"/> (evaluated without waivers): the item is
    /// fixed, or the waiver names the wrong item. A waiver naming an unknown gap code is left out: <see cref="Lint"/>
    /// already reports it, and one finding per mistake is enough.</summary>
    public static IEnumerable<AnatomyDiagnostic> Unused(EnterpriseAnatomy anatomy, IEnumerable<(string ItemId, IReadOnlyList<Gap> Gaps)> evaluations)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(evaluations);
        var gaps = new Dictionary<string, IReadOnlyList<Gap>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (itemId, itemGaps) in evaluations)
        {
            gaps.TryAdd(itemId, itemGaps);
        }

        foreach (var waiver in anatomy.Waivers.Where(w => w.Gaps.All(WaiverRules.IsGapCode)))
        {
            var matched = waiver.Items.Any(i => gaps.TryGetValue(i, out var list) && list.Any(g => waiver.Waives(g.Code)));
            if (!matched)
            {
                yield return Finding(AnatomyDiagnosticCodes.WaiverUnused, waiver, $"waiver '{waiver.Id}' matches no gap of the backlog: its items ({string.Join(", ", waiver.Items)}) have none of {string.Join(", ", waiver.Gaps)}; remove it if the work is fixed");
            }
        }
    }

    private static AnatomyDiagnostic Finding(string code, Waiver waiver, string message) =>
        new(code, AnatomyLinter.Severities[code], message, waiver.Position, waiver.Id);
}
