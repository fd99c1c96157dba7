using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>An open gap and when it opened. <see cref="OpenSince"/> is the time of its <c>opened</c> event; when the
/// ledger's window holds none the gap is older than the window and <see cref="BeforeWindow"/> is set (then
/// <see cref="OpenSince"/> is the window's start). Null in the stateless digest.</summary>
public sealed record AttentionGap(DigestItemRef Item, string Code, GapSeverity Severity, DateTimeOffset? OpenSince, bool BeforeWindow);
