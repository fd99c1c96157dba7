using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Interim;

/// <summary>INTERIM defaults until Core's <c>AnatomyParser</c> and <c>LinkageEngine</c> land on main: the parser reports
/// that it is unavailable (the bot then reports a neutral check), and the engine finds nothing.</summary>
internal static class InterimCore
{
    public static AnatomyParseResult Parse(string yaml) =>
        new(null, [new AnatomyDiagnostic("parse", DiagnosticSeverity.Error, "The anatomy parser is not available in this build.", new SourcePosition(1, 1))]);

    public static ILinkageEngine Engine(EnterpriseAnatomy anatomy) => new NoGapEngine();

    private sealed class NoGapEngine : ILinkageEngine
    {
        public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items) =>
            [.. items.Select(i => new ItemEvaluation { Item = i, Layer = Layer.Unmapped, Trace = Trace.Empty, Gaps = [] })];
    }
}
