namespace AnatomyBot.Core.Links;

/// <summary>What a change queued for the items linking to it: how many items, how many deliveries, and whether the
/// bound per change (<see cref="LinkRechecks.MaxPerChange"/>) left some for the nightly sweep.</summary>
public sealed record RecheckResult(int Items, int Deliveries, bool Capped)
{
    public static RecheckResult None { get; } = new(0, 0, false);
}
