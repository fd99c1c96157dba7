using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

internal sealed partial class DigestAccumulator
{
    public const string EpicsLabel = "Active epics linked to an outcome";
    public const string StoriesLabel = "Active stories reaching a component (P4)";
    public const string PullRequestsLabel = "Pull requests merged this week with a full trace";

    public IReadOnlyList<HeadlineFigure> Headline()
    {
        if (_window is null)
        {
            return
            [
                new(EpicsLabel, _epics.Count(e => e.LinkedNow), _epics.Count),
                new(StoriesLabel, _stories.Count(s => s.LinkedNow), _stories.Count),
            ];
        }

        return
        [
            Figure(EpicsLabel, _epics),
            Figure(StoriesLabel, _stories),
            new(PullRequestsLabel, _prsThisWeekTraced, _prsThisWeek, _hasHistory ? _prsLastWeekTraced : null, _hasHistory ? _prsLastWeek : null),
        ];
    }

    public bool HasHistory => _hasHistory;

    public int Items => _items;

    public IReadOnlyList<ValueStreamDigest> ValueStreams() =>
    [
        .. _anatomy.ValueStreams.Select(stream =>
        {
            var stages = stream.Stages.OrderBy(s => s.Order).Select(ToStageDigest).ToList();
            var callouts = new List<FragmentationCallout>();
            foreach (var (stage, digest) in stream.Stages.OrderBy(s => s.Order).Zip(stages))
            {
                if (digest.AtLayer(Layer.Component) > 0 && stage.Logic.Count == 0)
                {
                    callouts.Add(new(stage.Id, stage.Name, FragmentationKind.ComponentsWithoutLogic, digest.AtLayer(Layer.Component)));
                }

                if (digest.Items > 0 && stage.Outcomes.Count == 0 && stream.Outcomes.Count == 0)
                {
                    callouts.Add(new(stage.Id, stage.Name, FragmentationKind.WorkWithoutOutcome, digest.Items));
                }
            }

            return new ValueStreamDigest(stream.Id, stream.Name, stages, callouts);
        }),
    ];

    public StrategyDigest Strategy()
    {
        var idle = _anatomy.Outcomes
            .Where(o => _outcomeWork.GetValueOrDefault(o.Id) == 0)
            .Select(o => new OutcomeRef(o.Id, o.Name, o.Metric, o.Target))
            .ToList();
        var byKind = _noOutcomeByKind
            .OrderBy(k => k.Key)
            .Select(k => new CountBy(KindCode(k.Key), k.Value))
            .ToList();
        var byScope = _noOutcomeByScope
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new CountBy(s.Key, s.Value))
            .ToList();
        return new StrategyDigest(idle, byKind.Sum(k => k.Count), byKind, byScope);
    }

    public StageDigest Unplaced() => _unplaced.ToDigest(StageDigest.UnplacedId, StageDigest.UnplacedName);

    /// <summary>The weeks of the window from the first one the ledger holds data for (an item first seen or a gap event);
    /// the weeks before it are not zeros but unknown, so they are left out. Empty when the window has no gap event.</summary>
    public IReadOnlyList<TrendPoint> Trend()
    {
        if (_window is null || (_opened.Sum() == 0 && _closed.Sum() == 0 && _closedWithItem.Sum() == 0))
        {
            return [];
        }

        var first = Math.Max(0, _window.IndexOf(Math.Max(_firstData, _window.Start)));
        return [.. _window.Weeks.Select((week, i) => new TrendPoint(week, _opened[i], _closed[i], _closedWithItem[i])).Skip(first)];
    }

    /// <summary>The reported week's opened and closed gaps: counted as the trend counts them, the most severe named.</summary>
    public WeekGapChanges WeekGaps()
    {
        if (_window is null)
        {
            return WeekGapChanges.None;
        }

        DigestItemRef? Lookup(ItemKey key) =>
            _recent.TryGetValue(key, out var reference) ? reference
            : _tracked.TryGetValue(key, out var tracked) ? tracked.Reference
            : null;
        return new WeekGapChanges(_openedThisWeek.Named(Lookup), _openedThisWeek.Total, _closedThisWeek.Named(Lookup), _closedThisWeek.Total);
    }

    /// <summary>The items with open gaps, one each: the most severe first across every repository and area path,
    /// then (with a ledger) the longest open, then by where they are and their id.</summary>
    public (IReadOnlyList<AttentionItem> Listed, int More) Attention(int limit)
    {
        var sorted = _tracked.Values.Where(t => t.Gaps.Length > 0).Select(ToAttention)
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.OpenSince ?? DateTimeOffset.MaxValue)
            .ThenBy(a => a.Item.Scope, StringComparer.Ordinal)
            .ThenBy(a => a.Item.Id, StringComparer.Ordinal)
            .ToList();
        var listed = sorted.Take(limit).ToList();
        return (listed, sorted.Count - listed.Count);
    }

    public (IReadOnlyList<EscapedPullRequest> Listed, int More) Escaped(int limit)
    {
        var listed = _escaped
            .OrderBy(p => p.MergedAt)
            .ThenBy(p => p.Item.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return (listed, _escaped.Count - listed.Count);
    }

    internal static string KindCode(ItemKind kind) => kind switch
    {
        ItemKind.Epic => "epic",
        ItemKind.Feature => "feature",
        ItemKind.Story => "story",
        ItemKind.PullRequest => "pull-request",
        _ => "other",
    };

    private HeadlineFigure Figure(string label, List<TrackedItem> items)
    {
        var window = _window!;
        int linked = 0, total = 0, linkedBefore = 0, totalBefore = 0;
        foreach (var item in items)
        {
            if (item.FirstSeen < window.WeekEnd)
            {
                total++;
                linked += item.LinkedAt(atEnd: true) ? 1 : 0;
            }

            if (item.FirstSeen < window.WeekStart)
            {
                totalBefore++;
                linkedBefore += item.LinkedAt(atEnd: false) ? 1 : 0;
            }
        }

        return _hasHistory ? new(label, linked, total, linkedBefore, totalBefore) : new(label, linked, total);
    }

    private StageDigest ToStageDigest(Stage stage)
    {
        var tally = _stages[stage.Id];
        return new StageDigest(stage.Id, stage.Name, tally.Items, [.. tally.ByLayer], tally.OpenGaps, tally.FullyLinked);
    }

    private AttentionItem ToAttention(TrackedItem item)
    {
        var codes = item.Gaps.OrderByDescending(g => g.Severity).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => g.Code).Distinct().ToList();
        var severity = item.Gaps.Max(g => g.Severity);
        if (_window is null)
        {
            return new AttentionItem(item.Reference, codes, severity, null, false);
        }

        var opened = item.Gaps.Where(g => g.OpenedAt != long.MinValue).Select(g => g.OpenedAt).DefaultIfEmpty(long.MaxValue).Min();
        if (opened != long.MaxValue && item.Gaps.All(g => g.OpenedAt != long.MinValue))
        {
            return new AttentionItem(item.Reference, codes, severity, new DateTimeOffset(opened, TimeSpan.Zero), false);
        }

        // A gap with no opened event in the window is older than the window, or as old as the item.
        var beforeWindow = item.FirstSeen < _window.Start;
        var since = beforeWindow ? _window.Start : Math.Min(item.FirstSeen, opened);
        return new AttentionItem(item.Reference, codes, severity, new DateTimeOffset(since, TimeSpan.Zero), beforeWindow);
    }
}
