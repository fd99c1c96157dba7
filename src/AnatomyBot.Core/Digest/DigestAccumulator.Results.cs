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

    public IReadOnlyList<TrendPoint> Trend()
    {
        if (_window is null || (_opened.Sum() == 0 && _closed.Sum() == 0 && _closedWithItem.Sum() == 0))
        {
            return [];
        }

        return [.. _window.Weeks.Select((week, i) => new TrendPoint(week, _opened[i], _closed[i], _closedWithItem[i]))];
    }

    public (IReadOnlyList<AttentionGap> Listed, int More) OldestGaps(int limit)
    {
        var all = _tracked.Values.SelectMany(t => t.Gaps.Select(g => (Item: t, Gap: g)));
        var ordered = _window is null
            ? all.OrderByDescending(x => x.Gap.Severity)
            : all.OrderBy(x => x.Gap.OpenedAt == long.MinValue ? x.Item.FirstSeen : x.Gap.OpenedAt)
                .ThenByDescending(x => x.Gap.Severity);
        var sorted = ordered
            .ThenBy(x => x.Item.Reference.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Gap.Code, StringComparer.Ordinal)
            .ToList();
        var listed = sorted.Take(limit).Select(x => ToAttention(x.Item, x.Gap)).ToList();
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

    private AttentionGap ToAttention(TrackedItem item, GapSlot gap)
    {
        if (_window is null)
        {
            return new AttentionGap(item.Reference, gap.Code, gap.Severity, null, false);
        }

        if (gap.OpenedAt != long.MinValue)
        {
            return new AttentionGap(item.Reference, gap.Code, gap.Severity, new DateTimeOffset(gap.OpenedAt, TimeSpan.Zero), false);
        }

        var beforeWindow = item.FirstSeen < _window.Start;
        var since = beforeWindow ? _window.Start : item.FirstSeen;
        return new AttentionGap(item.Reference, gap.Code, gap.Severity, new DateTimeOffset(since, TimeSpan.Zero), beforeWindow);
    }
}
