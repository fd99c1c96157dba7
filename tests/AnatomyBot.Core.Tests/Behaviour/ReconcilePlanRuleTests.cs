using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>The planner's contract at its edges: hostile input refused, and <see cref="ReconcilePlanner.Simulate"/>
/// giving the state the platform is in after a plan.</summary>
public sealed class ReconcilePlanRuleTests
{
    private static readonly DesiredState Desired = new() { OwnedLabels = new HashSet<string> { "anatomy:no-stage" }, Comment = "body" };

    [Fact]
    public void Plan_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("desired", () => ReconcilePlanner.Plan(null!, CurrentState.Empty));
        Assert.Throws<ArgumentNullException>("current", () => ReconcilePlanner.Plan(Desired, null!));
    }

    [Fact]
    public void Simulate_NullArguments_Throw()
    {
        var plan = ReconcilePlanner.Plan(Desired, CurrentState.Empty);

        Assert.Throws<ArgumentNullException>("current", () => ReconcilePlanner.Simulate(null!, plan));
        Assert.Throws<ArgumentNullException>("plan", () => ReconcilePlanner.Simulate(CurrentState.Empty, null!));
    }

    [Fact]
    public void Simulate_UpdateOfAnExistingComment_KeepsItsId()
    {
        var current = new CurrentState { Comment = new ExistingComment("c-41", "old body") };
        var plan = ReconcilePlanner.Plan(Desired with { CommentResolved = true }, current);

        var after = ReconcilePlanner.Simulate(current, plan, createdCommentId: "c-99");

        Assert.Equal(new ExistingComment("c-41", "body", Resolved: true), after.Comment);
    }

    [Fact]
    public void Simulate_CreatedComment_GetsTheGivenId()
    {
        var plan = ReconcilePlanner.Plan(Desired, CurrentState.Empty);

        var after = ReconcilePlanner.Simulate(CurrentState.Empty, plan, createdCommentId: "c-99");

        Assert.Equal(new ExistingComment("c-99", "body"), after.Comment);
        Assert.Equal(["anatomy:no-stage"], after.Labels);
    }

    [Theory]
    [InlineData(CommentChangeKind.Create)]
    [InlineData(CommentChangeKind.Update)]
    public void Simulate_CommentChangeWithoutABody_LeavesAnEmptyComment(CommentChangeKind kind)
    {
        var plan = new ReconcilePlan { Comment = new CommentChange(kind) };

        var after = ReconcilePlanner.Simulate(CurrentState.Empty, plan, createdCommentId: "c-1");

        Assert.Equal(new ExistingComment("c-1", ""), after.Comment);
    }

    [Fact]
    public void Simulate_PlanWithoutLabelChanges_KeepsTheCurrentLabelsAsTheyAre()
    {
        var current = new CurrentState { Labels = ["bug", "anatomy:no-stage"] };

        var after = ReconcilePlanner.Simulate(current, new ReconcilePlan { LabelsAfter = ["stale"] });

        Assert.Equal(["bug", "anatomy:no-stage"], after.Labels);
    }
}
