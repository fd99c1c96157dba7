namespace AnatomyBot.Core.Digest.Rendering;

internal static class HeadlineSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        var figures = digest.Headline.Where(f => f.Total > 0 || (f.PreviousTotal ?? 0) > 0).ToList();
        if (figures.Count == 0)
        {
            return;
        }

        blocks.Add("## Headline");
        var withChange = digest.HasHistory && digest.Week is not null;
        var lines = new List<string>
        {
            withChange ? "| Measure | This week | Change since last week |" : "| Measure | Share |",
            withChange ? "|---|---:|---:|" : "|---|---:|",
        };
        foreach (var figure in figures)
        {
            var share = figure.Share is { } value
                ? $"{MarkdownText.Percent(value)} ({MarkdownText.Number(figure.Linked)} of {MarkdownText.Number(figure.Total)})"
                : "none";
            if (withChange)
            {
                var change = figure.ChangePoints is { } points ? MarkdownText.Points(points) : "no figure last week";
                lines.Add($"| {figure.Label} | {share} | {change} |");
            }
            else
            {
                lines.Add($"| {figure.Label} | {share} |");
            }
        }

        blocks.AddLines(lines);
    }
}
