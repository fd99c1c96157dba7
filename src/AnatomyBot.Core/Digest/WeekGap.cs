using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>A gap that opened or closed in the reported week, as the digest names it: the item, the gap code, its
/// severity, when, and how (<see cref="GapEventKind.Opened"/>, <see cref="GapEventKind.Closed"/> by a fix, or
/// <see cref="GapEventKind.ItemClosed"/> with its item).</summary>
public sealed record WeekGap(DigestItemRef Item, string Code, GapSeverity Severity, DateTimeOffset At, GapEventKind Kind);
