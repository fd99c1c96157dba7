using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>An item with open gaps, as "Needs attention" lists it: all its gap codes (most severe first), its highest
/// severity, and since when its oldest open gap has been open. <see cref="OpenSince"/> is the time of that gap's
/// <c>opened</c> event; when the ledger's window holds none the gap is older than the window and
/// <see cref="BeforeWindow"/> is set (then <see cref="OpenSince"/> is the window's start). Null in the stateless digest.</summary>
public sealed record AttentionItem(DigestItemRef Item, IReadOnlyList<string> Codes, GapSeverity Severity, DateTimeOffset? OpenSince, bool BeforeWindow);
