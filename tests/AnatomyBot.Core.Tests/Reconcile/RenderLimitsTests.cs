using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class RenderLimitsTests
{
    [Fact]
    public void Comment_HugePullRequest_StaysWithinGitHubsLimitAndCutsBetweenLines()
    {
        var evaluation = ReconcileFixtures.HugePullRequest(components: 3_000);
        var full = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, new RenderOptions { MaxCommentLength = int.MaxValue });

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy);

        Assert.True(full.Length > RenderOptions.GitHubCommentLimit);
        Assert.InRange(comment.Length, RenderOptions.GitHubCommentLimit - 500, RenderOptions.GitHubCommentLimit);
        AssertCleanCut(full, comment);
        Assert.Contains("Run `anatomybot check` for the full report.", comment, StringComparison.Ordinal);
        Assert.EndsWith("</sub>\n", comment, StringComparison.Ordinal);
        MarkdownAssert.Valid(comment, 0);
    }

    [Fact]
    public void Summary_HugePullRequest_StaysWithinCheckRunLimit()
    {
        var evaluation = ReconcileFixtures.HugePullRequest(components: 3_000);

        var summary = CheckRenderer.Render(evaluation, ReconcileFixtures.Anatomy).Summary;

        Assert.InRange(summary.Length, RenderOptions.GitHubSummaryLimit - 500, RenderOptions.GitHubSummaryLimit);
        Assert.Contains("✂️ Cut to stay within the 65,535-character limit", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(700)]
    [InlineData(1_000)]
    [InlineData(1_234)]
    [InlineData(2_000)]
    [InlineData(2_222)]
    public void Comment_CutInsideTheGapTable_KeepsWholeRowsAndAValidTable(int limit)
    {
        var evaluation = ReconcileFixtures.HugePullRequest(components: 0);
        var options = new RenderOptions { MaxCommentLength = limit };
        var full = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, options with { MaxCommentLength = int.MaxValue });

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, options);

        Assert.InRange(comment.Length, 1, limit);
        AssertCleanCut(full, comment);
        Assert.All(comment.Split('\n').Where(l => l.StartsWith('|')), l => Assert.EndsWith(" |", l, StringComparison.Ordinal));
        MarkdownAssert.Valid(comment, comment.Contains("| --- |", StringComparison.Ordinal) ? 1 : 0);
        Assert.DoesNotContain("#### Gaps\n\n\n", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_LongTitle_IsClippedWithEllipsis()
    {
        var evaluation = ReconcileFixtures.GreenPullRequest();
        evaluation = evaluation with { Item = evaluation.Item with { Title = new string('x', 5_000) } };

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy);

        Assert.Contains("**" + new string('x', 299) + "…**", comment, StringComparison.Ordinal);
    }

    /// <summary>Everything before the pointer is a prefix of the full rendering that ends at a line break.</summary>
    private static void AssertCleanCut(string full, string cut)
    {
        var pointer = cut.IndexOf("\n> ✂️", StringComparison.Ordinal);
        Assert.True(pointer > 0, "the cut body ends with a pointer to the rest");
        var kept = cut[..pointer];
        Assert.StartsWith(kept, full, StringComparison.Ordinal);
        Assert.EndsWith("\n", kept, StringComparison.Ordinal);
    }
}
