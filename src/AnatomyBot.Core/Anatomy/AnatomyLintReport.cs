namespace AnatomyBot.Core.Anatomy;

/// <summary>What <see cref="AnatomyLinter"/> found: the diagnostics in file order and the completeness of each value stream.</summary>
public sealed record AnatomyLintReport(IReadOnlyList<AnatomyDiagnostic> Diagnostics, IReadOnlyList<ValueStreamCompleteness> Completeness)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);
}
