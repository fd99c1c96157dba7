using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes the report as a Markdown story map: for each value stream, its stages in order with the epics,
/// features and stories placed on them and the layer each works at; the work on no stage; then the gaps by code.</summary>
internal static class MarkdownStoryMapWriter
{
    public static void Write(CheckReport report, EnterpriseAnatomy anatomy, TextWriter output)
    {
        var placeable = report.Items.Where(i => i.Kind is ItemKind.Epic or ItemKind.Feature or ItemKind.Story).ToList();
        var byStage = new Dictionary<string, List<BacklogItemEvaluation>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in placeable)
        {
            foreach (var stage in item.Trace.Stages)
            {
                (byStage.TryGetValue(stage, out var list) ? list : byStage[stage] = []).Add(item);
            }
        }

        output.WriteLine("# Story map");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Items.Count} items checked: {report.WithGaps} with gaps, {report.Exempt} exempt."));
        foreach (var stream in anatomy.ValueStreams)
        {
            output.WriteLine();
            output.WriteLine($"## {Escape(stream.Name)} (`{stream.Id}`)");
            if (stream.Outcomes.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Outcomes: " + string.Join(", ", stream.Outcomes.Select(o => $"`{o}`")));
            }

            foreach (var stage in stream.Stages.OrderBy(s => s.Order))
            {
                output.WriteLine();
                output.WriteLine($"### {stage.Order + 1}. {Escape(stage.Name)} (`{stage.Id}`)");
                output.WriteLine();
                WriteTable(byStage.GetValueOrDefault(stage.Id) ?? [], output, "_No epic, feature or story is placed on this stage._");
            }
        }

        output.WriteLine();
        output.WriteLine("## Not on any stage");
        output.WriteLine();
        WriteTable([.. placeable.Where(i => i.Trace.Stages.Count == 0)], output, "_Every epic, feature and story is on a stage._");
        WriteGaps(report, output);
    }

    private static void WriteTable(List<BacklogItemEvaluation> items, TextWriter output, string empty)
    {
        if (items.Count == 0)
        {
            output.WriteLine(empty);
            return;
        }

        output.WriteLine("| Item | Kind | Layer | Title | Gaps |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var item in items.OrderBy(i => i.Kind).ThenBy(i => i.Id, ItemIdComparer.Instance))
        {
            var gaps = item.Gaps.Count == 0 ? "—" : string.Join(", ", item.Gaps.Select(g => g.Code).Distinct().Select(c => $"`{c}`"));
            output.WriteLine($"| {Escape(item.Id)} | {CheckCodes.Kind(item.Kind)} | {item.Layer.ToCode()} | {Escape(item.Title)} | {gaps} |");
        }
    }

    private static void WriteGaps(CheckReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Gaps");
        var any = false;
        foreach (var (code, count) in report.GapCounts.Where(g => g.Value > 0))
        {
            any = true;
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### `{code}` ({count})"));
            output.WriteLine();
            foreach (var item in report.Items)
            {
                foreach (var gap in item.Gaps.Where(g => g.Code == code))
                {
                    output.WriteLine($"- **{Escape(item.Id)}** ({CheckCodes.Kind(item.Kind)}, {CheckCodes.Severity(gap.Severity)}) {Escape(item.Title)}: {gap.Fix}");
                }
            }
        }

        if (!any)
        {
            output.WriteLine();
            output.WriteLine("_No gaps._");
        }
    }

    /// <summary>Escapes text so it stays literal in a table cell or list item.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
