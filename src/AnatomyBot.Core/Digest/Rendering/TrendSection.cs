using System.Globalization;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Gaps opened and closed per week. Gaps closed because their item was closed, merged or deleted are counted
/// apart from gaps closed by a fix; their column and line appear only in a window that has some.</summary>
internal static class TrendSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks, DigestFlavor flavor)
    {
        if (digest.Trend.Count == 0)
        {
            return;
        }

        var withItem = digest.Trend.Any(p => p.ClosedWithItem > 0);
        blocks.Add($"## Trend over {digest.Trend.Count} weeks");
        if (flavor == DigestFlavor.GitHub)
        {
            blocks.Add(withItem
                ? "Bars: gaps opened; first line: gaps fixed; second line: gaps closed with their item."
                : "Bars: gaps opened; line: gaps closed.");
            blocks.Add(MermaidText.Block(flavor, Chart(digest.Trend, withItem)));
        }

        var lines = withItem
            ? new List<string> { "| Week | Opened | Fixed | Closed with item | Net |", "|---|---:|---:|---:|---:|" }
            : new List<string> { "| Week | Opened | Closed | Net |", "|---|---:|---:|---:|" };
        lines.AddRange(digest.Trend.Select(p =>
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
        var top = Math.Max(1, trend.Max(p => Math.Max(p.Opened, Math.Max(p.Closed, p.ClosedWithItem))));
        yield return "xychart-beta";
        yield return "    title \"Gaps opened and closed per week\"";
        yield return "    x-axis [" + string.Join(", ", trend.Select(p => $"\"W{p.Week.Week:D2}\"")) + "]";
        yield return string.Create(CultureInfo.InvariantCulture, $"    y-axis \"Gaps\" 0 --> {top}");
        yield return "    bar [" + string.Join(", ", trend.Select(p => p.Opened.ToString(CultureInfo.InvariantCulture))) + "]";
        yield return "    line [" + string.Join(", ", trend.Select(p => p.Closed.ToString(CultureInfo.InvariantCulture))) + "]";
        if (withItem)
        {
            yield return "    line [" + string.Join(", ", trend.Select(p => p.ClosedWithItem.ToString(CultureInfo.InvariantCulture))) + "]";
        }
    }
}
