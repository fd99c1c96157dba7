using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Ledger;

/// <summary>A gap opened or closed on an item at a time: the digest's raw material.</summary>
public sealed record GapEvent(
    ItemSource Source,
    string ItemId,
    string Code,
    GapSeverity Severity,
    GapEventKind Kind,
    DateTimeOffset At)
{
    /// <summary>Why a closed gap closed: <c>fixed</c> or <c>item-closed</c>; null for an opened gap.</summary>
    public string? Reason => Kind switch
    {
        GapEventKind.Closed => "fixed",
        GapEventKind.ItemClosed => "item-closed",
        _ => null,
    };
}
