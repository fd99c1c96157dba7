using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Groups an item's gaps by code, most severe first, then by code.</summary>
internal static class GapGroups
{
    public static IReadOnlyList<GapGroup> Of(IReadOnlyList<Gap> gaps) =>
    [
        .. gaps.GroupBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => new GapGroup(g.Key, g.Max(x => x.Severity), [.. g]))
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.Code, StringComparer.Ordinal),
    ];
}
