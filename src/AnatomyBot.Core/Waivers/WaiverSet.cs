using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Core.Waivers;

/// <summary>The waivers as they stand on one day, ready to mark an item's gaps: a waiver that applies marks each gap it
/// names (<see cref="Gap.Waiver"/>); one that is expired, runs past the maximum, names an unknown gap code or repeats an
/// earlier id is ignored, with a diagnostic on each item it names (<c>waiver W-2026-014 expired on 2026-12-31</c>).
/// Pure: the day is an input.</summary>
public sealed class WaiverSet
{
    private readonly Dictionary<string, List<Waiver>> _active = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.OrdinalIgnoreCase);

    public WaiverSet(IEnumerable<Waiver> waivers, DateOnly today, int maxDays = WaiverRules.DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(waivers);
        Today = today;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var waiver in waivers)
        {
            var problem = seen.Add(waiver.Id)
                ? WaiverRules.Problem(waiver, today, maxDays)
                : $"waiver {waiver.Id} is ignored: an earlier waiver has the same id";
            foreach (var item in waiver.Items.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (problem is null)
                {
                    Add(_active, item, waiver);
                }
                else
                {
                    Add(_problems, item, problem);
                }
            }
        }
    }

    public static WaiverSet Empty { get; } = new([], DateOnly.MinValue);

    /// <summary>The anatomy's own waivers (and any recorded by commands) on <paramref name="today"/>, under its
    /// <c>policy.waivers.maxDays</c>.</summary>
    public static WaiverSet For(EnterpriseAnatomy anatomy, DateOnly today, IEnumerable<Waiver>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        return new WaiverSet(anatomy.Waivers.Concat(recorded ?? []), today, anatomy.Policy.Waivers.MaxDays);
    }

    /// <summary>The day expiry is decided on.</summary>
    public DateOnly Today { get; }

    /// <summary>True when no waiver names any item: marking changes nothing.</summary>
    public bool IsEmpty => _active.Count == 0 && _problems.Count == 0;

    /// <summary>The waivers that apply to <paramref name="itemId"/> today.</summary>
    public IReadOnlyList<Waiver> ActiveFor(string itemId) => _active.TryGetValue(itemId, out var list) ? list : [];

    /// <summary>Why waivers naming <paramref name="itemId"/> are ignored today.</summary>
    public IReadOnlyList<string> ProblemsFor(string itemId) => _problems.TryGetValue(itemId, out var list) ? list : [];

    /// <summary><paramref name="gaps"/> with each gap an applying waiver names marked by the first such waiver.</summary>
    public IReadOnlyList<Gap> Mark(string itemId, IReadOnlyList<Gap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        if (gaps.Count == 0 || !_active.TryGetValue(itemId, out var waivers))
        {
            return gaps;
        }

        var marked = new Gap[gaps.Count];
        for (var g = 0; g < gaps.Count; g++)
        {
            var gap = gaps[g];
            marked[g] = waivers.FirstOrDefault(w => w.Waives(gap.Code)) is { } waiver ? gap with { Waiver = waiver } : gap;
        }

        return marked;
    }

    public ItemEvaluation Apply(ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var id = evaluation.Item.Id;
        var problems = ProblemsFor(id);
        return !_active.ContainsKey(id) && problems.Count == 0
            ? evaluation
            : evaluation with { Gaps = Mark(id, evaluation.Gaps), Diagnostics = [.. evaluation.Diagnostics, .. problems] };
    }

    public BacklogItemEvaluation Apply(BacklogItemEvaluation evaluation)
    {
        var problems = ProblemsFor(evaluation.Id);
        return !_active.ContainsKey(evaluation.Id) && problems.Count == 0
            ? evaluation
            : evaluation.Waived(Mark(evaluation.Id, evaluation.Gaps), problems);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string item, T value)
    {
        if (!map.TryGetValue(item, out var list))
        {
            map[item] = list = [];
        }

        list.Add(value);
    }
}
