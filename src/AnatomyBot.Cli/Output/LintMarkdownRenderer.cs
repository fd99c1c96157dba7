using System.Globalization;
using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Output;

/// <summary>GitHub-flavoured Markdown for pull-request comments, job summaries and wikis: a findings table and a
/// completeness table.</summary>
internal static class LintMarkdownRenderer
{
    public static void Write(TextWriter output, string file, IReadOnlyList<AnatomyDiagnostic> diagnostics, IReadOnlyList<ValueStreamCompleteness> completeness, bool valid)
    {
        output.WriteLine($"## Anatomy lint: `{file}`");
        output.WriteLine();
        output.WriteLine(valid
            ? string.Create(CultureInfo.InvariantCulture, $"**{Count(diagnostics, DiagnosticSeverity.Error)} error(s) · {Count(diagnostics, DiagnosticSeverity.Warning)} warning(s) · {Count(diagnostics, DiagnosticSeverity.Info)} info**")
            : string.Create(CultureInfo.InvariantCulture, $"**The file is not a valid anatomy: {diagnostics.Count} parse error(s).**"));
        output.WriteLine();
        if (diagnostics.Count > 0)
        {
            output.WriteLine("| Severity | Code | Line:Column | Element | Message |");
            output.WriteLine("|---|---|---|---|---|");
            foreach (var d in diagnostics)
            {
                var element = d.ElementId is null ? string.Empty : $"`{d.ElementId}`";
                output.WriteLine($"| {DiagnosticLine.SeverityWord(d.Severity)} | `{d.Code}` | {d.Position} | {element} | {Cell(d.Message)} |");
            }

            output.WriteLine();
        }

        if (!valid)
        {
            return;
        }

        output.WriteLine("### Completeness");
        output.WriteLine();
        output.WriteLine("| Value stream | Stages | Linked to P1 | With P3 logic | Reaching P4 | Complete |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in completeness)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {Cell(c.Name)} (`{c.ValueStreamId}`) | {c.Stages} | {c.LinkedToOutcome} | {c.WithLogic} | {c.ReachingComponents} | {c.Complete} ({c.CompleteRatio * 100:0}%) |"));
        }
    }

    private static int Count(IReadOnlyList<AnatomyDiagnostic> diagnostics, DiagnosticSeverity severity) => diagnostics.Count(d => d.Severity == severity);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
