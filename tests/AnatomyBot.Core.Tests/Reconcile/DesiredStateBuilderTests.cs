using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class DesiredStateBuilderTests
{
    private static readonly Gap Warn = new(GapCodes.NoComponent, GapSeverity.Warn, "m", "f", []);

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
    public void Build_BacklogItem_LabelsOnly()
    {
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.Story(Warn), ReconcileFixtures.Anatomy);

        Assert.Equal(["anatomy:no-component"], desired.OwnedLabels);
        Assert.Null(desired.Comment);
        Assert.Null(desired.Check);
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
