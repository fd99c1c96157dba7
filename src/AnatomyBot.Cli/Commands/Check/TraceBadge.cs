using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>An item's trace in one short cell, as the pull request comment shows it: <c>P1 ✅ P2 ✅ P3 ⬜ P4 ❌</c> — ✅ the
/// trace holds an element of the layer, ❌ a gap asks for one, ⬜ neither (the policy does not require it).</summary>
internal static class TraceBadge
{
    public const string Legend = "Trace: ✅ linked, ❌ missing (a gap asks for it), ⬜ not linked and not required by the policy.";

    private const string Linked = "✅";
    private const string Missing = "❌";
    private const string NotRequired = "⬜";

    public static string Of(in BacklogItemEvaluation item)
    {
        var trace = item.Trace;
        var gaps = item.Gaps;
        return $"P1 {Mark(trace.Outcomes, gaps, GapCodes.NoOutcome)} P2 {Mark(trace.Stages, gaps, GapCodes.NoStage)} "
            + $"P3 {Mark(trace.Logic, gaps, GapCodes.NoLogic)} P4 {Mark(trace.Components, gaps, GapCodes.NoComponent)}";
    }

    private static string Mark(IReadOnlyList<string> ids, IReadOnlyList<Gap> gaps, string code) =>
        ids.Count > 0 ? Linked : gaps.Any(g => g.Code == code) ? Missing : NotRequired;
}
