using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.GitHub.Interim;

/// <summary>INTERIM default until Core's <c>AnatomyParser</c> lands on main: reports that no parser is available, so the
/// bot answers with a neutral check naming the problem instead of guessing.</summary>
internal static class InterimCore
{
    public static AnatomyParseResult Parse(string yaml) =>
        new(null, [new AnatomyDiagnostic("parse", DiagnosticSeverity.Error, "The anatomy parser is not available in this build.", new SourcePosition(1, 1))]);
}
