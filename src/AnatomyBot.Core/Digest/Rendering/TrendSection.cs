using System.Globalization;
using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Gaps opened and closed per week, drawn only once the ledger holds two weeks of data (a chart with whole-number
/// ticks and a legend on GitHub, a table in Azure DevOps wikis, which do not draw <c>xychart-beta</c>); then the week's
/// opened and closed gaps by name. Gaps closed because their item was closed, merged or deleted are counted apart from
/// gaps closed by a fix; their series appears only in a window that has some.</summary>
internal static class TrendSection
{
    /// <summary>The smallest top of the y axis whose ticks Mermaid draws at whole numbers (it asks d3 for about ten ticks:
    /// below this top they fall on halves).</summary>
    private const int MinimumTop = 8;

    /// <summary>The series' colours, in the order of the series; the legend names them with the square of the same colour.</summary>
    private static readonly (string Color, string Square)[] Palette = [("#0969da", "🟦"), ("#1a7f37", "🟩"), ("#bc4c00", "🟧")];

    public static void Write(WeeklyDigest digest, DigestBlocks blocks, DigestFlavor flavor)
    {
        if (digest.Trend.Count >= 2)
        {
            WriteTrend(digest.Trend, blocks, flavor);
        }

        WriteWeek(digest.WeekGaps, digest.Trend.Count > 0 ? digest.Trend[^1] : null, blocks);
    }

    private static void WriteTrend(IReadOnlyList<TrendPoint> trend, DigestBlocks blocks, DigestFlavor flavor)
    {
        var withItem = trend.Any(p => p.ClosedWithItem > 0);
        blocks.Add($"## Trend over {trend.Count} weeks");
        if (flavor == DigestFlavor.GitHub)
        {
            var series = withItem
                ? new[] { "bars: gaps opened", "line: gaps fixed", "line: gaps closed with their item" }
                : ["bars: gaps opened", "line: gaps closed"];
            blocks.Add(string.Join(" · ", series.Select((s, i) => $"{Palette[i].Square} {s}")));
            blocks.Add(MermaidText.Block(flavor, Chart(trend, withItem)));
            return;
        }

        var lines = withItem
            ? new List<string> { "| Week | Opened | Fixed | Closed with item | Net |", "|---|---:|---:|---:|---:|" }
            : new List<string> { "| Week | Opened | Closed | Net |", "|---|---:|---:|---:|" };
        lines.AddRange(trend.Select(p =>
        {
            var net = p.Opened - p.Closed - p.ClosedWithItem;
            var signed = net > 0 ? "+" + MarkdownText.Number(net) : net < 0 ? "−" + MarkdownText.Number(-net) : "0";
            var closed = withItem
                ? $"{MarkdownText.Number(p.Closed)} | {MarkdownText.Number(p.ClosedWithItem)}"
                : MarkdownText.Number(p.Closed);
            return $"| {p.Week} | {MarkdownText.Number(p.Opened)} | {closed} | {signed} |";
        }));
        blocks.AddLines(lines);
    }

    private static IEnumerable<string> Chart(IReadOnlyList<TrendPoint> trend, bool withItem)
    {
        var top = Math.Max(MinimumTop, trend.Max(p => Math.Max(p.Opened, Math.Max(p.Closed, p.ClosedWithItem))));
        var palette = string.Join(", ", Palette.Take(withItem ? 3 : 2).Select(p => p.Color));
        yield return "%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"" + palette + "\"}}}}%%";
        yield return "xychart-beta";
        yield return "    title \"Gaps opened and closed per week\"";
        yield return "    x-axis [" + string.Join(", ", trend.Select(p => $"\"W{p.Week.Week:D2}\"")) + "]";
        yield return string.Create(CultureInfo.InvariantCulture, $"    y-axis \"Gaps\" 0 --> {top}");
        yield return "    bar [" + Values(trend, p => p.Opened) + "]";
        yield return "    line [" + Values(trend, p => p.Closed) + "]";
        if (withItem)
        {
            yield return "    line [" + Values(trend, p => p.ClosedWithItem) + "]";
        }
    }

    private static string Values(IReadOnlyList<TrendPoint> trend, Func<TrendPoint, int> value) =>
        string.Join(", ", trend.Select(p => value(p).ToString(CultureInfo.InvariantCulture)));

    private static void WriteWeek(WeekGapChanges week, TrendPoint? point, DigestBlocks blocks)
    {
        if (week.IsEmpty || point is null)
        {
            return;
        }

        blocks.Add("## This week's gaps");
        var closed = point.ClosedWithItem > 0
            ? $"{Gaps(point.Closed + point.ClosedWithItem)} closed ({MarkdownText.Number(point.Closed)} fixed, {MarkdownText.Number(point.ClosedWithItem)} with their item)"
            : $"{Gaps(point.Closed)} closed";
        blocks.Add($"{Gaps(point.Opened)} opened and {closed} in {point.Week}.");
        WriteList(blocks, "Opened", week.Opened, week.OpenedTotal);
        WriteList(blocks, "Closed", week.Closed, week.ClosedTotal);
    }

    private static void WriteList(DigestBlocks blocks, string heading, IReadOnlyList<WeekGap> gaps, int total)
    {
        if (gaps.Count == 0)
        {
            return;
        }

        var title = total > gaps.Count ? $"**{heading}**, the {MarkdownText.Number(gaps.Count)} most severe of {MarkdownText.Number(total)}:" : $"**{heading}**:";
        blocks.Add(title);
        blocks.AddLines(gaps.Select(g =>
            $"- {MarkdownText.Link(g.Item.Title, g.Item.Url)} {MarkdownText.Code(g.Item.Id)}: {MarkdownText.Code(g.Code)} "
            + $"({g.Severity.ToString().ToLowerInvariant()}{How(g.Kind)}, {MarkdownText.Date(g.At)})"));
    }

    private static string How(GapEventKind kind) => kind switch
    {
        GapEventKind.Closed => ", fixed",
        GapEventKind.ItemClosed => ", closed with its item",
        _ => "",
    };

    private static string Gaps(int count) => count == 1 ? "1 gap" : $"{MarkdownText.Number(count)} gaps";
}
