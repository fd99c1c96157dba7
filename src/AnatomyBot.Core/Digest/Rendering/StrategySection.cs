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
            var kinds = string.Join(", ", strategy.WorkWithoutOutcomeByKind.Select(k => $"{MarkdownText.Number(k.Count)} {KindNoun(k.Key, k.Count)}"));
            var total = strategy.WorkWithoutOutcome;
            blocks.Add($"**Work with no outcome**: {MarkdownText.Number(total)} {(total == 1 ? "epic, feature or story" : "epics, features and stories")} in flight ({kinds}).");
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

    /// <summary>A kind code as a noun for <paramref name="count"/> items: "1 story", "2 stories".</summary>
    private static string KindNoun(string kind, int count) => (kind, count == 1) switch
    {
        ("story", false) => "stories",
        ("pull-request", true) => "pull request",
        ("pull-request", false) => "pull requests",
        ("other", _) => count == 1 ? "other item" : "other items",
        (_, true) => kind,
        _ => kind + "s",
    };
}
