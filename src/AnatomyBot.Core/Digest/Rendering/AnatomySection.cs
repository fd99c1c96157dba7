using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest.Rendering;

internal static class AnatomySection
{
    private const int MaxRows = 100;

    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        var diagnostics = digest.AnatomyDiagnostics;
        if (diagnostics.Count == 0)
        {
            return;
        }

        blocks.Add("## The anatomy itself");
        blocks.Add($"{MarkdownText.Number(diagnostics.Count)} lint {(diagnostics.Count == 1 ? "finding" : "findings")} in the anatomy (warnings and errors; `anatomybot lint` also lists the information findings). A stage without its outcome (P1), logic (P3) or components (P4) is where the gaps above begin.");
        var lines = new List<string> { "| Severity | Code | Element | Line | Message |", "|---|---|---|---:|---|" };
        lines.AddRange(diagnostics.Take(MaxRows).Select(d =>
            $"| {Severity(d.Severity)} | {MarkdownText.Code(d.Code)} | {(d.ElementId is null ? "—" : MarkdownText.Code(d.ElementId))} | "
            + $"{(d.Position.Line > 0 ? d.Position.ToString() : "—")} | {MarkdownText.Escape(d.Message)} |"));
        blocks.AddLines(lines);
        if (diagnostics.Count > MaxRows)
        {
            blocks.Add($"…and {MarkdownText.Number(diagnostics.Count - MaxRows)} more; run `anatomybot lint` for all of them.");
        }
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
