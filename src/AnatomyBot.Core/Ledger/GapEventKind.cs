namespace AnatomyBot.Core.Ledger;

/// <summary>What happened to a gap. A gap closes for one of two reasons, kept apart so the trend can tell them apart:
/// <see cref="Closed"/> (reason <c>fixed</c>: a later evaluation of the open item no longer found it) and
/// <see cref="ItemClosed"/> (reason <c>item-closed</c>: the item itself was closed, merged or deleted with the gap open).</summary>
public enum GapEventKind
{
    Opened,
    Closed,
    ItemClosed,
}
