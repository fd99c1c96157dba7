namespace AnatomyBot.Core.Digest.Rendering;

internal static class AttentionSection
{
    public static void Write(WeeklyDigest digest, DigestBlocks blocks)
    {
        if (digest.OldestGaps.Count == 0 && digest.EscapedPullRequests.Count == 0)
        {
            return;
        }

        blocks.Add("## Needs attention");
        if (digest.OldestGaps.Count > 0)
        {
            var stateless = digest.Week is null;
            blocks.Add(stateless ? "### Open gaps, most severe first" : "### Oldest open gaps");
            foreach (var group in digest.OldestGaps.GroupBy(g => g.Item.Scope).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                blocks.Add($"**{MarkdownText.Escape(group.Key)}**");
                var lines = new List<string>
                {
                    stateless ? "| Item | Gap | Severity |" : "| Item | Gap | Severity | Open since |",
                    stateless ? "|---|---|---|" : "|---|---|---|---|",
                };
                lines.AddRange(group.Select(g => $"| {Item(g.Item)} | {MarkdownText.Code(g.Code)} | {Severity(g.Severity)} |"
                    + (stateless ? "" : $" {Since(g)} |")));
                blocks.AddLines(lines);
            }

            if (digest.MoreOpenGaps > 0)
            {
                blocks.Add($"…and {MarkdownText.Number(digest.MoreOpenGaps)} more open gaps.");
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

    private static string Since(AttentionGap gap) => gap.OpenSince is not { } since
        ? "—"
        : gap.BeforeWindow ? "before " + MarkdownText.Date(since) : MarkdownText.Date(since);

    private static string Severity(Policy.GapSeverity severity) => severity.ToString().ToLowerInvariant();
}
