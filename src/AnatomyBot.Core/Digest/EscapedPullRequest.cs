namespace AnatomyBot.Core.Digest;

/// <summary>A pull request merged this week with a <c>block</c> gap (merged by an admin), or exempted while its trace
/// lacks an outcome or a component.</summary>
public sealed record EscapedPullRequest(DigestItemRef Item, DateTimeOffset MergedAt, IReadOnlyList<string> BlockCodes, bool Exempt);
