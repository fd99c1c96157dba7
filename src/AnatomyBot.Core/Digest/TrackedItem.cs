using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Core.Digest;

/// <summary>What the event pass needs to know about one item: the headline link it tracks and its open gaps.</summary>
internal sealed class TrackedItem(DigestItemRef reference, long firstSeen)
{
    public DigestItemRef Reference { get; } = reference;

    public long FirstSeen { get; } = firstSeen;

    /// <summary>The gap code whose history decides the headline link (epics: no-outcome, stories: no-component).</summary>
    public string? TrackCode { get; init; }

    public bool LinkedNow { get; init; }

    public GapSlot[] Gaps { get; init; } = [];

    public long FirstEventAfterStart { get; private set; } = long.MaxValue;

    public GapEventKind KindAfterStart { get; private set; }

    public long FirstEventAfterEnd { get; private set; } = long.MaxValue;

    public GapEventKind KindAfterEnd { get; private set; }

    /// <summary>Records an event of <see cref="TrackCode"/>; the earliest one after an instant tells the state at it.</summary>
    public void Track(long at, GapEventKind kind, long weekStart, long weekEnd)
    {
        if (at >= weekStart && at < FirstEventAfterStart)
        {
            FirstEventAfterStart = at;
            KindAfterStart = kind;
        }

        if (at >= weekEnd && at < FirstEventAfterEnd)
        {
            FirstEventAfterEnd = at;
            KindAfterEnd = kind;
        }
    }

    /// <summary>Was the tracked link in place at the instant whose first later event is given?</summary>
    public bool LinkedAt(bool atEnd)
    {
        var (first, kind) = atEnd ? (FirstEventAfterEnd, KindAfterEnd) : (FirstEventAfterStart, KindAfterStart);
        return first == long.MaxValue ? LinkedNow : kind == GapEventKind.Opened;
    }
}
