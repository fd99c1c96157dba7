namespace AnatomyBot.Core.Digest.Rendering;

internal static class StrategySection
{
    private const int MaxScopes = 10;

    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        var strategy = digest.Strategy;
        if (strategy.IsEmpty)
        {
            return;
        }

        blocks.Add("## Strategy vs execution");
        if (strategy.OutcomesWithoutWork.Count > 0)
        {
            blocks.Add($"**Outcomes with no work flowing to them** ({strategy.OutcomesWithoutWork.Count}):");
            var lines = new List<string> { "| Outcome | Metric | Target |", "|---|---|---|" };
            lines.AddRange(strategy.OutcomesWithoutWork.Select(o =>
                $"| {MarkdownText.Escape(o.Name)} {MarkdownText.Code(o.Id)} | {Or(o.Metric)} | {Or(o.Target)} |"));
            blocks.AddLines(lines);
        }

        if (strategy.WorkWithoutOutcome > 0)
        {
            var kinds = string.Join(", ", strategy.WorkWithoutOutcomeByKind.Select(k => $"{MarkdownText.Number(k.Count)} {k.Key}"));
            blocks.Add($"**Work with no outcome**: {MarkdownText.Number(strategy.WorkWithoutOutcome)} epics, features and stories in flight ({kinds}).");
            var lines = new List<string> { "| Repository or area | Items |", "|---|---:|" };
            lines.AddRange(strategy.WorkWithoutOutcomeByScope.Take(MaxScopes).Select(s =>
                $"| {MarkdownText.Escape(s.Key)} | {MarkdownText.Number(s.Count)} |"));
            var more = strategy.WorkWithoutOutcomeByScope.Skip(MaxScopes).ToList();
            if (more.Count > 0)
            {
                lines.Add($"| {more.Count} more | {MarkdownText.Number(more.Sum(s => s.Count))} |");
            }

            blocks.AddLines(lines);
        }
    }

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : MarkdownText.Escape(text);
}
