using System.Globalization;
using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Output;

/// <summary>Plain text: one <c>path:line:column: severity code: message</c> line per finding, the completeness of each
/// value stream, and a count line.</summary>
internal static class LintTextRenderer
{
    public static void Write(TextWriter output, string file, AnatomyLintReport report)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(DiagnosticLine.Format(file, diagnostic));
        }

        if (report.Diagnostics.Count > 0)
        {
            output.WriteLine();
        }

        output.WriteLine("Completeness (stages linked up to P1 / with P3 logic / reaching P4 components / complete):");
        foreach (var stream in report.Completeness)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {stream.ValueStreamId} ({stream.Name}): {stream.Stages} stages · P1 {stream.LinkedToOutcome}/{stream.Stages} · P3 {stream.WithLogic}/{stream.Stages} · P4 {stream.ReachingComponents}/{stream.Stages} · complete {stream.Complete}/{stream.Stages} ({stream.CompleteRatio * 100:0}%)"));
        }

        if (report.Completeness.Count == 0)
        {
            output.WriteLine("  (no value streams)");
        }

        output.WriteLine(Counts(report));
    }

    public static string Counts(AnatomyLintReport report) => Counts(report.Diagnostics);

    public static string Counts(IReadOnlyList<AnatomyDiagnostic> diagnostics) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count(diagnostics, DiagnosticSeverity.Error)} error(s), {Count(diagnostics, DiagnosticSeverity.Warning)} warning(s), {Count(diagnostics, DiagnosticSeverity.Info)} info");

    private static int Count(IReadOnlyList<AnatomyDiagnostic> diagnostics, DiagnosticSeverity severity) => diagnostics.Count(d => d.Severity == severity);
}
