using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>What the engine decided for one prepared item of a batch (<see cref="LinkageEngine.EvaluateEach"/>), as a
/// value: a whole backlog's results are one array rather than an object per item. <see cref="ItemEvaluation"/> is the
/// same decision as an object, with the item's <see cref="WorkItem"/>.</summary>
public readonly record struct EvaluatedItem(
    PreparedItem Item,
    Layer Layer,
    Trace Trace,
    IReadOnlyList<Gap> Gaps,
    IReadOnlyList<string> LinkedItems,
    string? ExemptReason,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>The highest gap severity, or null when there is no gap.</summary>
    public GapSeverity? Verdict => ItemEvaluation.VerdictOf(Gaps);
}
