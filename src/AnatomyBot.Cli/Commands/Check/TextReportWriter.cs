using System.Globalization;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes the report for a person at a terminal: each item with gaps or diagnostics, its gaps with fix and
/// suggestions (a closed item marked so), then one summary paragraph.</summary>
internal static class TextReportWriter
{
    private const int TitleWidth = 80;

    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var item in report.Items)
        {
            if (item.Gaps.Count == 0 && item.Diagnostics.Count == 0)
            {
                continue;
            }

            output.WriteLine($"{item.Id}  {CheckCodes.Kind(item.Kind)}{(item.IsClosed ? " (closed)" : "")}  {item.Layer.ToCode()}  {Shorten(item.Title)}");
            foreach (var gap in item.Gaps)
            {
                output.WriteLine($"  {CheckCodes.Severity(gap.Severity),-5}  {gap.Code}: {gap.Message}");
                if (gap.Waiver is { } waiver)
                {
                    output.WriteLine($"         waived: {WaiverText.Line(waiver)}");
                }

                output.WriteLine($"         fix: {gap.Fix}");
                if (gap.Suggestions.Count > 0)
                {
                    output.WriteLine("         suggestions: " + string.Join(", ", gap.Suggestions.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id} ({s.Score:0.###})"))));
                }
            }

            foreach (var diagnostic in item.Diagnostics)
            {
                output.WriteLine($"  note   {diagnostic}");
            }
        }

        WriteSummary(report, output);
    }

    private static void WriteSummary(CheckReport report, TextWriter output)
    {
        var severities = string.Join(", ", ((GapSeverity[])[GapSeverity.Block, GapSeverity.Warn, GapSeverity.Info])
            .Select(s => $"{report.SeverityCounts.GetValueOrDefault(s)} {CheckCodes.Severity(s)}"));
        var layers = string.Join(", ", ((Layer[])[Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component, Layer.Unmapped])
            .Select(l => $"{l.ToCode()} {report.LayerCounts.GetValueOrDefault(l)}"));
        var gaps = string.Join(", ", report.GapCounts.Where(g => g.Value > 0).Select(g => $"{g.Key} {g.Value}"));
        output.WriteLine();
        output.WriteLine($"{report.Items.Count} items: {report.WithGaps} with gaps ({severities}), {report.Exempt} exempt, {report.WithDiagnostics} with notes{(report.Waived > 0 ? $", {report.Waived} gaps waived" : "")}.");
        output.WriteLine($"Layers: {layers}.");
        if (gaps.Length > 0)
        {
            output.WriteLine($"Gaps: {gaps}.");
        }

        output.WriteLine(report.Failed
            ? $"FAILED: gaps reach --fail-on {report.FailOn.ToString().ToLowerInvariant()}."
            : $"OK: no gap reaches --fail-on {report.FailOn.ToString().ToLowerInvariant()}.");
    }

    private static string Shorten(string title)
    {
        var line = title.ReplaceLineEndings(" ");
        return line.Length <= TitleWidth ? line : string.Concat(line.AsSpan(0, TitleWidth - 1), "…");
    }
}
