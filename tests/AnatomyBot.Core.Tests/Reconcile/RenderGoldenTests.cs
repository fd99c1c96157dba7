using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Core.Waivers;
using Markdig.Syntax;
using AnatomyBot.Core.Tests.Support;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class RenderGoldenTests
{
    private static readonly RenderOptions Options = new() { SpecBaseUrl = "https://github.com/acme/architecture/blob/main/" };

    public static TheoryData<string> Comments() => ["blocked", "warnings", "green", "exempt", "linked-work-item", "azure-boards", "waived", "partly-waived"];

    [Theory]
    [MemberData(nameof(Comments))]
    public void Comment_MatchesGoldenAndParses(string name)
    {
        var markdown = CommentRenderer.Render(Evaluation(name), ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", $"{name}.comment.md", markdown);
        var document = MarkdownAssert.Valid(markdown, 0);
        Assert.IsType<HtmlBlock>(document[0]);
        Assert.StartsWith(Markers.Comment + "\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Comments))]
    public void CheckSummary_MatchesGoldenAndParses(string name)
    {
        var check = CheckRenderer.Render(Evaluation(name), ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", $"{name}.check.md", check.Summary);
        MarkdownAssert.Valid(check.Summary, 0);
        Assert.DoesNotContain(Markers.Comment, check.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("warnings")]
    [InlineData("linked-work-item")]
    public void Comment_WithGaps_LeadsWithOneActionPerGapCodeDirectlyUnderTheHeading(string name)
    {
        var evaluation = Evaluation(name);
        var lines = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, Options).Split('\n');

        var heading = Array.FindIndex(lines, l => l.StartsWith("### ", StringComparison.Ordinal));
        var actions = lines.Skip(heading + 2).TakeWhile(l => l.Length > 0).ToList();

        Assert.Equal(evaluation.Gaps.Where(g => g.Severity >= Core.Policy.GapSeverity.Warn).Select(g => g.Code).Distinct().Count(), actions.Count);
        Assert.All(actions, a => Assert.Matches(@"^- \*\*To (merge|clear the warning):\*\* ", a));
    }

    [Theory]
    [InlineData("green")]
    [InlineData("azure-boards")]
    [InlineData("exempt")]
    public void Comment_Passing_IsAtMostSixVisibleLines(string name)
    {
        var markdown = CommentRenderer.Render(Evaluation(name), ReconcileFixtures.Anatomy, Options);

        Assert.InRange(MarkdownAssert.VisibleLines(markdown).Count, 1, 6);
    }

    [Fact]
    public void Comment_LinkedOnlyThroughAWorkItem_OpensWithTheEffectiveTraceAndNamesBothItemsInTheFix()
    {
        var evaluation = ReconcileFixtures.PullRequestLinkedThroughWorkItem();

        var markdown = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, Options);

        Assert.Equal(Core.Anatomy.Layer.Unmapped, evaluation.Layer);
        Assert.Contains("**Send reminders for missing documents** reaches **P3 logic** through #12.", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\n- \*\*To merge:\*\* add `Component: [^`]+` to the description of this pull request or of #12\.", markdown);
        Assert.Contains("<summary>Trace: P1 ✅ P2 ✅ P3 ✅ P4 ❌</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_NoSuggestionClearlyLeads_FixSaysSoInsteadOfNamingOne()
    {
        var evaluation = ReconcileFixtures.WarningsPullRequest();
        evaluation = evaluation with { Gaps = [evaluation.Gaps[0] with { FirstLeads = false }] };

        var markdown = CommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, Options);

        Assert.Contains("- **To clear the warning:** add `Stage: <stage id>` to the description of #1207 or of #1311 — no suggestion clearly leads, so pick the right one from the suggestions below.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("best match", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_MatchesGoldenCutsBetweenRowsAndPoints()
    {
        var options = Options with { MaxCommentLength = 1_800, MaxSummaryLength = 1_500, DetailsUrl = "https://github.com/acme/onboarding/runs/1" };
        var evaluation = ReconcileFixtures.HugePullRequest(components: 20);

        var comment = CommentRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, options);
        var summary = CheckRenderer.Render(evaluation, ReconcileFixtures.HugeAnatomy, options).Summary;

        GoldenFiles.AssertMatches("Reconcile", "truncated.comment.md", comment);
        GoldenFiles.AssertMatches("Reconcile", "truncated.check.md", summary);
        Assert.InRange(comment.Length, 1_000, 1_800);
        Assert.InRange(summary.Length, 700, 1_500);
        MarkdownAssert.Valid(comment, 0);
        MarkdownAssert.Valid(summary, 0);
        Assert.Contains("✂️ Cut to stay within", comment, StringComparison.Ordinal);
        Assert.Contains("[Read the full report](https://github.com/acme/onboarding/runs/1)", comment, StringComparison.Ordinal);
    }

    private static ItemEvaluation Evaluation(string name) => name switch
    {
        "blocked" => ReconcileFixtures.BlockedPullRequest(),
        "warnings" => ReconcileFixtures.WarningsPullRequest(),
        "green" => ReconcileFixtures.GreenPullRequest(),
        "linked-work-item" => ReconcileFixtures.PullRequestLinkedThroughWorkItem(),
        "azure-boards" => ReconcileFixtures.PullRequestThroughAzureBoards(),
        "waived" => Waive(ReconcileFixtures.BlockedPullRequest(), "*"),
        "partly-waived" => Waive(ReconcileFixtures.BlockedPullRequest(), GapCodes.NoComponent),
        _ => ReconcileFixtures.ExemptPullRequest(),
    };

    /// <summary><paramref name="evaluation"/> with a waiver of <paramref name="gaps"/> until 2026-12-31, judged on
    /// 2026-12-01, and an expired waiver noted.</summary>
    private static ItemEvaluation Waive(ItemEvaluation evaluation, params string[] gaps)
    {
        Waiver[] waivers =
        [
            new() { Id = "W-2026-014", Items = [evaluation.Item.Id], Gaps = gaps, Until = new DateOnly(2026, 12, 31), Reason = "Spike; the *component* spec follows in Q1", ApprovedBy = "@contoso/architects" },
            new() { Id = "W-2026-009", Items = [evaluation.Item.Id], Gaps = ["*"], Until = new DateOnly(2026, 11, 30), Reason = "Vendor delay", ApprovedBy = "alice" },
        ];
        return new WaiverSet(waivers, new DateOnly(2026, 12, 1)).Apply(evaluation);
    }
}
