using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>The few most severe gap events of the week while events stream past (most severe first, then the earliest):
/// memory bounded by the limit, not by the number of events. A later event of the same gap on the same item replaces
/// the earlier one.</summary>
internal sealed class TopWeekGaps(int limit)
{
    private readonly List<(ItemKey Key, string Code, GapSeverity Severity, long At, GapEventKind Kind)> _kept = [];

    public int Total { get; private set; }

    public void Add(ItemKey key, string code, GapSeverity severity, long at, GapEventKind kind)
    {
        Total++;
        var same = _kept.FindIndex(k => k.Key == key && string.Equals(k.Code, code, StringComparison.Ordinal));
        if (same >= 0)
        {
            _kept.RemoveAt(same);
        }

        var entry = (key, code, severity, at, kind);
        var index = _kept.FindIndex(k => Before(entry, k));
        if (index < 0)
        {
            if (_kept.Count < limit)
            {
                _kept.Add(entry);
            }

            return;
        }

        _kept.Insert(index, entry);
        if (_kept.Count > limit)
        {
            _kept.RemoveAt(_kept.Count - 1);
        }
    }

    /// <summary>The kept events, each with its item as the latest evaluations name it (its id alone when they do not).</summary>
    public IReadOnlyList<WeekGap> Named(Func<ItemKey, DigestItemRef?> lookup) =>
    [
        .. _kept.Select(k => new WeekGap(
            lookup(k.Key) ?? new DigestItemRef(k.Key.Source, k.Key.Id, k.Key.Id, null, "(no repository or area)"),
            k.Code,
            k.Severity,
            new DateTimeOffset(k.At, TimeSpan.Zero),
            k.Kind)),
    ];

    private static bool Before(
        (ItemKey Key, string Code, GapSeverity Severity, long At, GapEventKind Kind) a,
        (ItemKey Key, string Code, GapSeverity Severity, long At, GapEventKind Kind) b) =>
        a.Severity != b.Severity ? a.Severity > b.Severity
        : a.At != b.At ? a.At < b.At
        : string.CompareOrdinal(a.Key.Id, b.Key.Id) is var byId && byId != 0 ? byId < 0
        : string.CompareOrdinal(a.Code, b.Code) < 0;
}
