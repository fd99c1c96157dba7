namespace AnatomyBot.Core.Digest;

/// <summary>One waiver as the digest lists it: its id (a command's waiver has a made-up <c>C-…</c> id), the items and gaps
/// it covers, its last day, who approved it, why, and whether it is in the file or was made by command.</summary>
public sealed record WaiverRow(string Id, IReadOnlyList<string> Items, IReadOnlyList<string> Gaps, DateOnly Until, string ApprovedBy, string Reason, bool ByCommand);
