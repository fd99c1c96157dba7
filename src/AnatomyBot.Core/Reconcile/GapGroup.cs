using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The gaps of one code on an item, as the reports show them: one entry per code, at the code's highest
/// severity.</summary>
internal sealed record GapGroup(string Code, GapSeverity Severity, IReadOnlyList<Gap> Gaps);
