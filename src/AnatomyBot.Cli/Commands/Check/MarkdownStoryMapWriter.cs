using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes the report as a Markdown story map in which every item counted in its header appears exactly once:
/// the epics, features, stories and other backlog items under the first stage they are placed on (value streams and
/// stages in the anatomy's order), then the work on no stage split into healthy and needing links, the pull requests,
/// the exempt items with their reason and the entries that could not be read. Each item is a link to its web page with
/// a trace badge, a closed item marked so. The gaps follow, one row per item with its codes and fixes.</summary>
internal static class MarkdownStoryMapWriter
{
    public static void Write(CheckReport report, EnterpriseAnatomy anatomy, TextWriter output)
    {
        var map = StoryMap.Of(report, anatomy);
        output.WriteLine("# Story map");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Items.Count} items checked: {report.WithGaps} with gaps, {report.Exempt} exempt. Each appears once below: "
            + $"{map.OnStages} on a stage, {map.Healthy.Count + map.NeedsLinks.Count} on no stage ({map.Healthy.Count} healthy, "
            + $"{map.NeedsLinks.Count} needing links), {Plural(map.PullRequests.Count, "pull request")}, {map.Exempt.Count} exempt, "
            + $"{map.Unreadable.Count} not read."));
        output.WriteLine();
        output.WriteLine(TraceBadge.Legend);
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
                WriteTable(map.ByStage.GetValueOrDefault(stage.Id) ?? [], output, "_No item is placed on this stage._", map);
            }
        }

        output.WriteLine();
        output.WriteLine("## Not on any stage");
        output.WriteLine();
        output.WriteLine("### Healthy");
        output.WriteLine();
        WriteTable(map.Healthy, output, "_None._", map);
        output.WriteLine();
        output.WriteLine("### Needs links");
        output.WriteLine();
        WriteTable(map.NeedsLinks, output, "_None: every item on no stage has all the links its policy asks for._", map);
        output.WriteLine();
        output.WriteLine("## Pull requests");
        output.WriteLine();
        WriteTable(map.PullRequests, output, "_No pull request was checked._", map);
        WriteExempt(map.Exempt, output);
        WriteUnreadable(map.Unreadable, output);
        WriteGaps(report, output);
    }

    private static void WriteTable(List<BacklogItemEvaluation> items, TextWriter output, string empty, StoryMap map)
    {
        if (items.Count == 0)
        {
            output.WriteLine(empty);
            return;
        }

        output.WriteLine("| Item | Kind | Trace | Title | Gaps |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var item in items.OrderBy(i => i.Kind).ThenBy(i => i.Id, ItemIdComparer.Instance))
        {
            var gaps = item.Gaps.Count == 0 ? "—" : string.Join(", ", item.Gaps.Select(g => g.Code).Distinct().Select(c => $"`{c}`"));
            var also = map.AlsoOn(item);
            var title = Escape(item.Title) + Closed(item) + (also.Count == 0 ? "" : " (also on " + string.Join(", ", also.Select(s => $"`{s}`")) + ")");
            output.WriteLine($"| {Link(item)} | {CheckCodes.Kind(item.Kind)} | {TraceBadge.Of(item)} | {title} | {gaps} |");
        }
    }

    private static void WriteExempt(List<BacklogItemEvaluation> items, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Exempt");
        output.WriteLine();
        if (items.Count == 0)
        {
            output.WriteLine("_No item is exempt._");
            return;
        }

        foreach (var item in items)
        {
            output.WriteLine($"- {Link(item)} ({CheckCodes.Kind(item.Kind)}) {Escape(item.Title)}: {Cell(item.ExemptReason ?? "exempt")}");
        }
    }

    private static void WriteUnreadable(List<BacklogItemEvaluation> items, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Not read");
        output.WriteLine();
        if (items.Count == 0)
        {
            output.WriteLine("_Every entry was read._");
            return;
        }

        foreach (var item in items)
        {
            output.WriteLine($"- {Escape(item.Id)}: {Escape(string.Join("; ", item.Diagnostics))}");
        }
    }

    private static void WriteGaps(CheckReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Gaps by item");
        output.WriteLine();
        var withGaps = report.Items.Where(i => i.Gaps.Count > 0)
            .OrderByDescending(i => i.Verdict)
            .ThenBy(i => CheckCodes.Source(i.Source), StringComparer.Ordinal)
            .ThenBy(i => i.Id, ItemIdComparer.Instance)
            .ToList();
        if (withGaps.Count == 0)
        {
            output.WriteLine("_No gaps._");
            return;
        }

        var codes = string.Join(", ", report.GapCounts.Where(g => g.Value > 0).Select(g => string.Create(CultureInfo.InvariantCulture, $"`{g.Key}` {g.Value}")));
        output.WriteLine($"{Plural(withGaps.Count, "item")} with gaps, most severe first ({codes}).");
        output.WriteLine();
        output.WriteLine("| Item | Severity | Gaps | Fix |");
        output.WriteLine("|---|---|---|---|");
        foreach (var item in withGaps)
        {
            var gaps = string.Join(", ", item.Gaps.Select(g => g.Code).Distinct().Select(c => $"`{c}`"));
            var fixes = string.Join("<br>", item.Gaps.Select(g => g.Waiver is { } waiver ? $"_Waived: {Escape(WaiverText.Line(waiver))}_" : Cell(g.Fix)).Distinct());
            var severity = item.Verdict is { } verdict ? CheckCodes.Severity(verdict) : "waived";
            output.WriteLine($"| {Link(item)} {CheckCodes.Kind(item.Kind)}: {Escape(item.Title)}{Closed(item)} | {severity} | {gaps} | {fixes} |");
        }
    }

    private static string Closed(in BacklogItemEvaluation item) => item.IsClosed ? " _(closed)_" : "";

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>The item's id as a link to its web page (http or https only), or the id alone.</summary>
    private static string Link(in BacklogItemEvaluation item)
    {
        var id = Escape(item.Id);
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return id;
        }

        var destination = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return $"[{id}]({destination})";
    }

    /// <summary>A fix or an exemption (Markdown the engine wrote, with ids and labels in code spans) kept on one line and
    /// inside its table cell.</summary>
    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

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
