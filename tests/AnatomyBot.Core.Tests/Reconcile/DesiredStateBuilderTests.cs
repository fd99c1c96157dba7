using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class DesiredStateBuilderTests
{
    private static readonly Gap Warn = new(GapCodes.NoComponent, GapSeverity.Warn, "m", "f", []);

    private static readonly Waiver Spike = new()
    {
        Id = "W-2026-014", Items = ["1207", "42"], Gaps = ["*"], Until = new DateOnly(2026, 12, 31), Reason = "Spike", ApprovedBy = "@contoso/architects",
    };

    [Fact]
    public void Build_PullRequest_LabelsWarnAndBlockGapsButNotInfo()
    {
        var evaluation = ReconcileFixtures.BlockedPullRequest() with
        {
            Gaps = [.. ReconcileFixtures.BlockedPullRequest().Gaps, new Gap(GapCodes.NoLogic, GapSeverity.Info, "m", "f", [])],
        };

        var desired = DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy);

        Assert.Equal(["anatomy:no-component", "anatomy:no-work-item", "anatomy:unknown-ref"], desired.OwnedLabels.Order(StringComparer.Ordinal));
        Assert.StartsWith(Markers.Comment, desired.Comment, StringComparison.Ordinal);
        Assert.Equal(CheckConclusion.Failure, desired.Check!.Conclusion);
        Assert.False(desired.CommentResolved);
        Assert.False(desired.CommentOnlyIfExisting);
    }

    [Fact]
    public void Build_BacklogItemWithAGap_LabelAndACommentThatSaysWhatToAdd()
    {
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn), ReconcileFixtures.Anatomy);

        Assert.Equal(["anatomy:no-component"], desired.OwnedLabels);
        Assert.StartsWith(Markers.Comment, desired.Comment, StringComparison.Ordinal);
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", desired.Comment, StringComparison.Ordinal);
        Assert.Contains("- **To fix:** add `Component: <component id>` to the description of this story.", desired.Comment, StringComparison.Ordinal);
        Assert.False(desired.CommentOnlyIfExisting);
        Assert.False(desired.CommentResolved);
        Assert.Null(desired.Check);
    }

    [Fact]
    public void BuildThenPlan_BacklogItem_OneCommentWhenAGapAppearsEditedInPlaceAndAllLinksInPlaceWhenFixed()
    {
        var anatomy = ReconcileFixtures.Anatomy;
        var healthy = DesiredStateBuilder.Build(ReconcileFixtures.Story(), anatomy);
        Assert.Equal(CommentChangeKind.None, ReconcilePlanner.Plan(healthy, CurrentState.Empty).Comment.Kind);

        var gap = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn), anatomy);
        var created = ReconcilePlanner.Plan(gap, CurrentState.Empty);
        Assert.Equal(CommentChangeKind.Create, created.Comment.Kind);
        var after = ReconcilePlanner.Simulate(CurrentState.Empty, created, "77");
        Assert.True(ReconcilePlanner.Plan(gap, after).IsEmpty);

        var two = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn, new Gap(GapCodes.NoOutcome, GapSeverity.Warn, "m", "f", [])), anatomy);
        var edited = ReconcilePlanner.Plan(two, after);
        Assert.Equal((CommentChangeKind.Update, "77"), (edited.Comment.Kind, edited.Comment.ExistingId));
        after = ReconcilePlanner.Simulate(after, edited);

        var fixedPlan = ReconcilePlanner.Plan(healthy, after);
        Assert.Equal((CommentChangeKind.Update, "77"), (fixedPlan.Comment.Kind, fixedPlan.Comment.ExistingId));
        Assert.Contains("### ✅ Anatomy: all links in place", fixedPlan.Comment.Body, StringComparison.Ordinal);
        Assert.True(ReconcilePlanner.Plan(healthy, ReconcilePlanner.Simulate(after, fixedPlan)).IsEmpty);
    }

    [Fact]
    public void Build_BacklogItemWithItemCommentsNever_LabelsOnly()
    {
        var a = ReconcileFixtures.Anatomy;
        var anatomy = new EnterpriseAnatomy(a.Outcomes, a.ValueStreams, a.Logic, a.Components, a.Policy with { ItemComments = ItemComments.Never });

        var desired = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn), anatomy);

        Assert.Equal(["anatomy:no-component"], desired.OwnedLabels);
        Assert.Null(desired.Comment);
        Assert.True(ReconcilePlanner.Plan(desired, new CurrentState { Labels = ["anatomy:no-component"], Comment = new ExistingComment("5", "old") }).IsEmpty);
    }

    [Fact]
    public void Build_BacklogItemWithOnlyAnInfoGap_NoCommentCreated()
    {
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.Story(new Gap(GapCodes.NoLogic, GapSeverity.Info, "m", "f", [])), ReconcileFixtures.Anatomy);

        Assert.Empty(desired.OwnedLabels);
        Assert.True(desired.CommentOnlyIfExisting);
    }

    [Fact]
    public void Build_Exempt_NoLabelsNotApplicableAndCommentOnlyCorrected()
    {
        var evaluation = ReconcileFixtures.ExemptPullRequest() with { Gaps = [Warn] };

        var desired = DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy);

        Assert.Empty(desired.OwnedLabels);
        Assert.Equal(CheckConclusion.NotApplicable, desired.Check!.Conclusion);
        Assert.True(desired.CommentOnlyIfExisting);
    }

    [Theory]
    [InlineData(ItemSource.AzureDevOps, true)]
    [InlineData(ItemSource.GitHub, false)]
    public void Build_NoGaps_CommentResolvedOnlyWhereThreadsResolve(ItemSource source, bool resolved)
    {
        var evaluation = ReconcileFixtures.GreenPullRequest();
        evaluation = evaluation with { Item = evaluation.Item with { Source = source } };

        Assert.Equal(resolved, DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy).CommentResolved);
    }

    [Fact]
    public void Build_BacklogItemWhoseOnlyGapIsWaived_NoTagNoNewCommentAndAWaivedHeadline()
    {
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn with { Waiver = Spike }), ReconcileFixtures.Anatomy);

        Assert.Empty(desired.OwnedLabels);
        Assert.True(desired.CommentOnlyIfExisting);
        Assert.Contains("### ✅ Anatomy: 1 gap waived", desired.Comment, StringComparison.Ordinal);
        Assert.Contains("- ✅ `no-component` waived: m", desired.Comment, StringComparison.Ordinal);
        Assert.Contains("Waiver W-2026-014 until 2026-12-31", desired.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("needs", desired.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BacklogItemWithOneOfTwoGapsWaived_NeedsTheOtherLink()
    {
        var story = ReconcileFixtures.Story(Warn with { Waiver = Spike }, new Gap(GapCodes.NoOutcome, GapSeverity.Warn, "m", "f", []));

        var desired = DesiredStateBuilder.Build(story, ReconcileFixtures.Anatomy);

        Assert.Equal(["anatomy:no-outcome"], desired.OwnedLabels);
        Assert.False(desired.CommentOnlyIfExisting);
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", desired.Comment, StringComparison.Ordinal);
        Assert.Contains("- ✅ `no-component` waived: m", desired.Comment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Build_AzureDevOpsPullRequestWithAWaivedGap_ResolvedOnlyWhenEveryGapIsWaived(bool secondWaived, bool resolved)
    {
        var evaluation = ReconcileFixtures.WarningsPullRequest();
        Gap second = new(GapCodes.NoLogic, GapSeverity.Info, "m", "f", []);
        evaluation = evaluation with { Gaps = [evaluation.Gaps[0] with { Waiver = Spike }, second with { Waiver = secondWaived ? Spike : null }] };

        Assert.Equal(resolved, DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy).CommentResolved);
    }

    [Fact]
    public void Build_AzureDevOpsWithGaps_NotResolved()
    {
        Assert.False(DesiredStateBuilder.Build(ReconcileFixtures.WarningsPullRequest(), ReconcileFixtures.Anatomy).CommentResolved);
    }

    [Theory]
    [InlineData(GapSeverity.Block, CheckConclusion.Failure)]
    [InlineData(GapSeverity.Warn, CheckConclusion.Neutral)]
    [InlineData(GapSeverity.Info, CheckConclusion.Success)]
    public void Conclusion_FollowsHighestSeverity(GapSeverity severity, CheckConclusion expected)
    {
        var evaluation = ReconcileFixtures.GreenPullRequest() with
        {
            Gaps = [Warn with { Severity = GapSeverity.Info }, Warn with { Code = GapCodes.NoStage, Severity = severity }],
        };

        Assert.Equal(expected, CheckRenderer.Conclusion(evaluation));
    }

    [Fact]
    public void Conclusion_NoGaps_Success()
    {
        Assert.Equal(CheckConclusion.Success, CheckRenderer.Conclusion(ReconcileFixtures.GreenPullRequest()));
    }

    [Fact]
    public void BuildThenPlan_SameEvaluationTwice_SecondPlanMakesNoWrites()
    {
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);
        var current = new CurrentState { Labels = ["bug"] };

        var first = ReconcilePlanner.Plan(desired, current);
        var again = DesiredStateBuilder.Build(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);
        var second = ReconcilePlanner.Plan(again, ReconcilePlanner.Simulate(current, first, "901"));

        Assert.Equal(3, first.WriteCount);
        Assert.Equal(0, second.WriteCount);
    }

    [Fact]
    public void BuildThenPlan_GapsClosed_CommentEditedNotDeletedAndLabelsRemoved()
    {
        var blocked = DesiredStateBuilder.Build(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);
        var before = ReconcilePlanner.Simulate(CurrentState.Empty, ReconcilePlanner.Plan(blocked, CurrentState.Empty), "901");
        var green = DesiredStateBuilder.Build(ReconcileFixtures.GreenPullRequest(), ReconcileFixtures.Anatomy);

        var plan = ReconcilePlanner.Plan(green, before);

        Assert.Equal(CommentChangeKind.Update, plan.Comment.Kind);
        Assert.Equal("901", plan.Comment.ExistingId);
        Assert.Contains("all links in place", plan.Comment.Body, StringComparison.Ordinal);
        Assert.Equal(3, plan.LabelsToRemove.Count);
        Assert.Equal(CheckConclusion.Success, plan.Check!.Conclusion);
    }

    [Fact]
    public void GapLabels_AllFitGitHubsLimit()
    {
        Assert.All(GapCodes.All, c => Assert.InRange(GapCodes.ToLabel(c).Length, 1, OwnedLabels.MaxLength));
        Assert.All(GapCodes.All, c => Assert.True(OwnedLabels.IsOwned(GapCodes.ToLabel(c))));
        Assert.False(OwnedLabels.IsOwned("anatomy:exempt"));
    }

    [Fact]
    public void LabelAppearance_EveryOwnedLabel_HasColourAndShortDescription()
    {
        Assert.All(GapCodes.All, c =>
        {
            var look = LabelAppearance.For(GapCodes.ToLabel(c).ToUpperInvariant());
            Assert.Equal(GapCodes.ToLabel(c), look.Name);
            Assert.Matches("^[0-9a-f]{6}$", look.Color);
            Assert.InRange(look.Description.Length, 1, LabelAppearance.MaxDescriptionLength);
        });
        Assert.Equal(GapCodes.All.Count, GapCodes.All.Select(c => LabelAppearance.For(GapCodes.ToLabel(c)).Color).Distinct().Count());
        Assert.Throws<ArgumentException>(() => LabelAppearance.For("bug"));
    }
}
