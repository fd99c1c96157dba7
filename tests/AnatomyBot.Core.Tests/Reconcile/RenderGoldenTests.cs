using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using Markdig.Syntax;
using AnatomyBot.Core.Tests.Support;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class RenderGoldenTests
{
    private static readonly RenderOptions Options = new() { SpecBaseUrl = "https://github.com/acme/architecture/blob/main/" };

    public static TheoryData<string, int> Comments() => new()
    {
        { "blocked", 1 },
        { "warnings", 1 },
        { "green", 0 },
        { "exempt", 0 },
    };

    [Theory]
    [MemberData(nameof(Comments))]
    public void Comment_MatchesGoldenAndParses(string name, int tables)
    {
        var markdown = CommentRenderer.Render(Evaluation(name), ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", $"{name}.comment.md", markdown);
        var document = MarkdownAssert.Valid(markdown, tables);
        Assert.IsType<HtmlBlock>(document[0]);
        Assert.StartsWith(Markers.Comment + "\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Comments))]
    public void CheckSummary_MatchesGoldenAndParses(string name, int tables)
    {
        var check = CheckRenderer.Render(Evaluation(name), ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", $"{name}.check.md", check.Summary);
        MarkdownAssert.Valid(check.Summary, tables);
        Assert.DoesNotContain(Markers.Comment, check.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_MatchesGoldenCutsBetweenRowsAndPoints()
    {
        var options = Options with { MaxCommentLength = 3_000, MaxSummaryLength = 2_500, DetailsUrl = "https://github.com/acme/onboarding/runs/1" };
        var evaluation = ReconcileFixtures.HugePullRequest(components: 20);

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, options);
        var summary = CheckRenderer.Render(evaluation, ReconcileFixtures.Anatomy, options).Summary;

        GoldenFiles.AssertMatches("Reconcile", "truncated.comment.md", comment);
        GoldenFiles.AssertMatches("Reconcile", "truncated.check.md", summary);
        Assert.InRange(comment.Length, 2_000, 3_000);
        Assert.InRange(summary.Length, 1_500, 2_500);
        MarkdownAssert.Valid(comment, 1);
        MarkdownAssert.Valid(summary, 1);
        Assert.Contains("[Read the full report](https://github.com/acme/onboarding/runs/1)", comment, StringComparison.Ordinal);
    }

    private static ItemEvaluation Evaluation(string name) => name switch
    {
        "blocked" => ReconcileFixtures.BlockedPullRequest(),
        "warnings" => ReconcileFixtures.WarningsPullRequest(),
        "green" => ReconcileFixtures.GreenPullRequest(),
        _ => ReconcileFixtures.ExemptPullRequest(),
    };
}
