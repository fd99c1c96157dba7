using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class RenderLimitsTests
{
    [Fact]
    public void Comment_HugePullRequest_ListsAFewOfEverythingAndStaysFarBelowGitHubsLimit()
    {
        var evaluation = WithManyNotes(ReconcileFixtures.HugePullRequest(components: 3_000));

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, new RenderOptions { MaxCommentLength = int.MaxValue });
        var summary = CheckRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, new RenderOptions { MaxSummaryLength = int.MaxValue }).Summary;

        Assert.InRange(comment.Length, 1, RenderOptions.GitHubCommentLimit / 4);
        Assert.InRange(summary.Length, 1, RenderOptions.GitHubSummaryLimit / 4);
        Assert.Contains("  - … and 2990 more", comment, StringComparison.Ordinal);
        Assert.Contains("40 ids the anatomy does not know", comment, StringComparison.Ordinal);
        Assert.Contains("- … and 2,990 more notes", comment, StringComparison.Ordinal);
        MarkdownAssert.Valid(comment, 0);
    }

    [Fact]
    public void Summary_CutBelowItsLength_PointsToTheFullReport()
    {
        var evaluation = ReconcileFixtures.HugePullRequest(components: 3_000);

        var summary = CheckRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, new RenderOptions { MaxSummaryLength = 1_200 }).Summary;

        Assert.InRange(summary.Length, 1, 1_200);
        Assert.Contains("✂️ Cut to stay within the 1,200-character limit", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(700)]
    [InlineData(1_000)]
    [InlineData(1_234)]
    [InlineData(1_500)]
    [InlineData(1_800)]
    public void Comment_CutAnywhere_KeepsWholeEntriesAndNeverLeavesTheTraceOpen(int limit)
    {
        var evaluation = ReconcileFixtures.HugePullRequest(components: 30);
        var options = new RenderOptions { MaxCommentLength = limit };
        var full = CommentRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, options with { MaxCommentLength = int.MaxValue });

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, options);

        Assert.InRange(comment.Length, 1, limit);
        AssertCleanCut(full, comment);
        Assert.Equal(comment.Split('\n').Count(l => l == "<details>"), comment.Split('\n').Count(l => l == "</details>"));
        MarkdownAssert.Valid(comment, 0);
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

    /// <summary>A pull request whose own data raised thousands of notes: the one part of a report with no cap of its own.</summary>
    private static Core.Linkage.ItemEvaluation WithManyNotes(Core.Linkage.ItemEvaluation evaluation) =>
        evaluation with { Diagnostics = [.. Enumerable.Range(1, 3_000).Select(i => $"Reference `#{i}` was not read: the item is in a repository the bot cannot read.")] };

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
