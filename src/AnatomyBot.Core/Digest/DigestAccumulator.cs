using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>Single-pass aggregation: items first (latest evaluations), then gap events. Keeps counts and only the
/// items the event pass needs (in-flight epics and stories, items with open gaps); a null window is the stateless digest.</summary>
internal sealed partial class DigestAccumulator
{
    private readonly EnterpriseAnatomy _anatomy;
    private readonly DigestWindow? _window;
    private readonly Dictionary<string, StageTally> _stages = new(StringComparer.OrdinalIgnoreCase);
    private readonly StageTally _unplaced = new();
    private readonly Dictionary<ItemKey, DigestItemRef> _recent = [];
    private readonly TopWeekGaps _openedThisWeek = new(WeekGapLimit);
    private readonly TopWeekGaps _closedThisWeek = new(WeekGapLimit);
    private readonly Dictionary<string, int> _outcomeWork = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ItemKind, int> _noOutcomeByKind = [];
    private readonly Dictionary<string, int> _noOutcomeByScope = new(StringComparer.Ordinal);
    private readonly Dictionary<ItemKey, TrackedItem> _tracked = [];
    private readonly List<TrackedItem> _epics = [];
    private readonly List<TrackedItem> _stories = [];
    private readonly List<EscapedPullRequest> _escaped = [];
    private readonly int[] _opened;
    private readonly int[] _closed;
    private readonly int[] _closedWithItem;
    private int _items;
    private int _prsThisWeek;
    private int _prsThisWeekTraced;
    private int _prsLastWeek;
    private int _prsLastWeekTraced;
    private bool _hasHistory;
    private long _firstData = long.MaxValue;

    /// <summary>How many of the week's opened, and of its closed, gaps are named.</summary>
    public const int WeekGapLimit = 5;

    public DigestAccumulator(EnterpriseAnatomy anatomy, DigestWindow? window)
    {
        _anatomy = anatomy;
        _window = window;
        foreach (var stage in anatomy.Stages)
        {
            _stages.TryAdd(stage.Id, new StageTally());
        }

        _opened = new int[window?.Weeks.Length ?? 0];
        _closed = new int[_opened.Length];
        _closedWithItem = new int[_opened.Length];
    }

    public void AddItem(StoredEvaluation item)
    {
        _items++;
        var firstSeen = item.FirstSeen.UtcTicks;
        _firstData = Math.Min(_firstData, firstSeen);
        if (_window is not null && firstSeen < _window.WeekStart)
        {
            _hasHistory = true;
        }

        var reference = new DigestItemRef(item.Source, item.ItemId, item.Title, item.Url, item.Scope ?? "(no repository or area)");
        if (_window is not null && item.EvaluatedAt.UtcTicks >= _window.WeekStart)
        {
            // A gap opens or closes only when its item is evaluated, so only these items can have events in the week.
            _recent.TryAdd(new ItemKey(item.Source, item.ItemId), reference);
        }

        if (item.Kind == ItemKind.PullRequest && item.MergedAt is { } merged)
        {
            AddMergedPullRequest(item, reference, merged.UtcTicks);
        }

        var inFlight = item.IsOpen || (item.Kind == ItemKind.PullRequest && IsThisWeek(item.MergedAt));
        if (!inFlight || item.IsExempt)
        {
            return;
        }

        AddWork(item);
        Track(item, reference, firstSeen);
    }

    public void AddEvent(GapEvent gapEvent)
    {
        if (_window is null)
        {
            return;
        }

        var at = gapEvent.At.UtcTicks;
        _firstData = Math.Min(_firstData, at);
        if (at < _window.WeekStart)
        {
            _hasHistory = true;
        }

        var week = _window.IndexOf(at);
        if (week >= 0)
        {
            (gapEvent.Kind switch { GapEventKind.Opened => _opened, GapEventKind.ItemClosed => _closedWithItem, _ => _closed })[week]++;
            if (week == _opened.Length - 1)
            {
                (gapEvent.Kind == GapEventKind.Opened ? _openedThisWeek : _closedThisWeek)
                    .Add(new ItemKey(gapEvent.Source, gapEvent.ItemId), gapEvent.Code, gapEvent.Severity, at, gapEvent.Kind);
            }
        }

        if (!_tracked.TryGetValue(new ItemKey(gapEvent.Source, gapEvent.ItemId), out var tracked))
        {
            return;
        }

        if (string.Equals(tracked.TrackCode, gapEvent.Code, StringComparison.Ordinal))
        {
            tracked.Track(at, gapEvent.Kind, _window.WeekStart, _window.WeekEnd);
        }

        if (gapEvent.Kind == GapEventKind.Opened)
        {
            foreach (var slot in tracked.Gaps)
            {
                if (string.Equals(slot.Code, gapEvent.Code, StringComparison.Ordinal) && at > slot.OpenedAt)
                {
                    slot.OpenedAt = at;
                }
            }
        }
    }

    private bool IsThisWeek(DateTimeOffset? at) =>
        _window is null || (at is { } value && value.UtcTicks >= _window.WeekStart && value.UtcTicks < _window.WeekEnd);

    private void AddMergedPullRequest(StoredEvaluation item, DigestItemRef reference, long merged)
    {
        if (_window is null)
        {
            return;
        }

        var traced = !item.IsExempt && item.Gaps.Count == 0;
        if (merged >= _window.WeekStart && merged < _window.WeekEnd)
        {
            if (!item.IsExempt)
            {
                _prsThisWeek++;
                _prsThisWeekTraced += traced ? 1 : 0;
            }

            var blocks = item.Gaps.Where(g => g.Value == GapSeverity.Block).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
            var exemptWithoutTrace = item.IsExempt && (item.Trace.Outcomes.Count == 0 || item.Trace.Components.Count == 0);
            if (blocks.Count > 0 || exemptWithoutTrace)
            {
                _escaped.Add(new EscapedPullRequest(reference, item.MergedAt!.Value, blocks, item.IsExempt));
            }
        }
        else if (merged >= _window.PreviousWeekStart && merged < _window.WeekStart && !item.IsExempt)
        {
            _prsLastWeek++;
            _prsLastWeekTraced += traced ? 1 : 0;
        }
    }

    private void AddWork(StoredEvaluation item)
    {
        var placed = false;
        foreach (var stage in item.Trace.Stages)
        {
            if (_stages.TryGetValue(stage, out var tally))
            {
                tally.Add(item.Layer, item.Gaps.Count, item.IsOpen);
                placed = true;
            }
        }

        if (!placed)
        {
            _unplaced.Add(item.Layer, item.Gaps.Count, item.IsOpen);
        }

        foreach (var outcome in item.Trace.Outcomes)
        {
            _outcomeWork[outcome] = _outcomeWork.GetValueOrDefault(outcome) + 1;
        }

        if (item.Trace.Outcomes.Count == 0 && item.Kind is ItemKind.Epic or ItemKind.Feature or ItemKind.Story)
        {
            _noOutcomeByKind[item.Kind] = _noOutcomeByKind.GetValueOrDefault(item.Kind) + 1;
            var scope = item.Scope ?? "(no repository or area)";
            _noOutcomeByScope[scope] = _noOutcomeByScope.GetValueOrDefault(scope) + 1;
        }
    }

    private void Track(StoredEvaluation item, DigestItemRef reference, long firstSeen)
    {
        var (code, linked) = item.Kind switch
        {
            ItemKind.Epic => (GapCodes.NoOutcome, item.Trace.Outcomes.Count > 0),
            ItemKind.Story => (GapCodes.NoComponent, item.Trace.Components.Count > 0),
            _ => ((string?)null, false),
        };
        var listGaps = item.IsOpen && item.Gaps.Count > 0;
        if (code is null && !listGaps)
        {
            return;
        }

        var slots = !listGaps
            ? []
            : item.Gaps.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GapSlot(g.Key, g.Value)).ToArray();
        var tracked = new TrackedItem(reference, firstSeen) { TrackCode = code, LinkedNow = linked, Gaps = slots };
        if (!_tracked.TryAdd(new ItemKey(item.Source, item.ItemId), tracked))
        {
            return;
        }

        (item.Kind == ItemKind.Epic ? _epics : item.Kind == ItemKind.Story ? _stories : null)?.Add(tracked);
    }
}
