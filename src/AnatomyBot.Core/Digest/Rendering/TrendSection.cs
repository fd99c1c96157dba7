using System.Globalization;

namespace AnatomyBot.Core.Digest.Rendering;

internal static class TrendSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks, DigestFlavor flavor)
    {
        if (digest.Trend.Count == 0)
        {
            return;
        }

        blocks.Add($"## Trend over {digest.Trend.Count} weeks");
        if (flavor == DigestFlavor.GitHub)
        {
            blocks.Add("Bars: gaps opened; line: gaps closed.");
            blocks.Add(MermaidText.Block(flavor, Chart(digest.Trend)));
        }

        var lines = new List<string> { "| Week | Opened | Closed | Net |", "|---|---:|---:|---:|" };
        lines.AddRange(digest.Trend.Select(p =>
        {
            var net = p.Opened - p.Closed;
            var signed = net > 0 ? "+" + MarkdownText.Number(net) : net < 0 ? "−" + MarkdownText.Number(-net) : "0";
            return $"| {p.Week} | {MarkdownText.Number(p.Opened)} | {MarkdownText.Number(p.Closed)} | {signed} |";
        }));
        blocks.AddLines(lines);
    }

    private static IEnumerable<string> Chart(IReadOnlyList<TrendPoint> trend)
    {
        var top = Math.Max(1, trend.Max(p => Math.Max(p.Opened, p.Closed)));
        yield return "xychart-beta";
        yield return "    title \"Gaps opened and closed per week\"";
        yield return "    x-axis [" + string.Join(", ", trend.Select(p => $"\"W{p.Week.Week:D2}\"")) + "]";
        yield return string.Create(CultureInfo.InvariantCulture, $"    y-axis \"Gaps\" 0 --> {top}");
        yield return "    bar [" + string.Join(", ", trend.Select(p => p.Opened.ToString(CultureInfo.InvariantCulture))) + "]";
        yield return "    line [" + string.Join(", ", trend.Select(p => p.Closed.ToString(CultureInfo.InvariantCulture))) + "]";
    }
}
