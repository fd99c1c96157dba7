namespace AnatomyBot.Core.Digest.Rendering;

internal static class AttentionSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        if (digest.Attention.Count == 0 && digest.EscapedPullRequests.Count == 0)
        {
            return;
        }

        blocks.Add("## Needs attention");
        if (digest.Attention.Count > 0)
        {
            var stateless = digest.FromBacklog || digest.Week is null;
            blocks.Add("### Items with open gaps, most severe first");
            var lines = new List<string>
            {
                stateless ? "| Item | Repository or area | Gaps | Severity |" : "| Item | Repository or area | Gaps | Severity | Open since |",
                stateless ? "|---|---|---|---|" : "|---|---|---|---|---|",
            };
            lines.AddRange(digest.Attention.Select(a =>
                $"| {Item(a.Item)} | {MarkdownText.Escape(a.Item.Scope)} | {string.Join(", ", a.Codes.Select(MarkdownText.Code))} | {Severity(a.Severity)} |"
                + (stateless ? "" : $" {Since(a)} |")));
            blocks.AddLines(lines);
            if (digest.MoreAttention > 0)
            {
                blocks.Add($"…and {MarkdownText.Number(digest.MoreAttention)} more {(digest.MoreAttention == 1 ? "item" : "items")} with open gaps, not listed here: "
                    + "`anatomybot check --format markdown` lists every item with its gaps, and the items carry `anatomy:` labels or tags to filter on.");
            }
        }

        if (digest.EscapedPullRequests.Count > 0)
        {
            blocks.Add("### Merged with a block gap");
            foreach (var group in digest.EscapedPullRequests.GroupBy(p => p.Item.Scope).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                blocks.Add($"**{MarkdownText.Escape(group.Key)}**");
                var lines = new List<string> { "| Pull request | Merged | Gaps | How |", "|---|---|---|---|" };
                lines.AddRange(group.Select(p =>
                    $"| {Item(p.Item)} | {MarkdownText.Date(p.MergedAt)} | {Codes(p.BlockCodes)} | {(p.Exempt ? "exempted" : "merged past the check")} |"));
                blocks.AddLines(lines);
            }

            if (digest.MoreEscapedPullRequests > 0)
            {
                blocks.Add($"…and {MarkdownText.Number(digest.MoreEscapedPullRequests)} more.");
            }
        }
    }

    private static string Item(DigestItemRef item) => $"{MarkdownText.Link(item.Title, item.Url)} {MarkdownText.Code(item.Id)}";

    private static string Codes(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? "no outcome or component in its trace" : string.Join(", ", codes.Select(MarkdownText.Code));

    private static string Since(AttentionItem item) => item.OpenSince is not { } since
        ? "—"
        : item.BeforeWindow ? "before " + MarkdownText.Date(since) : MarkdownText.Date(since);

    private static string Severity(Policy.GapSeverity severity) => severity.ToString().ToLowerInvariant();
}
