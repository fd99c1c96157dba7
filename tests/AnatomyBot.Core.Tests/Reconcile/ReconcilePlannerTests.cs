using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class ReconcilePlannerTests
{
    private static readonly CheckState Failing = new(CheckConclusion.Failure, "1 gap — merge blocked: no component linked", "summary");

    [Fact]
    public void Plan_NothingYet_CreatesCommentCheckAndLabels()
    {
        var desired = Desired(["anatomy:no-stage", "anatomy:no-component"], "<!-- anatomybot:trace -->\nbody", Failing);

        var plan = ReconcilePlanner.Plan(desired, CurrentState.Empty);

        Assert.Equal(["anatomy:no-component", "anatomy:no-stage"], plan.LabelsToAdd);
        Assert.Empty(plan.LabelsToRemove);
        Assert.Equal(CommentChangeKind.Create, plan.Comment.Kind);
        Assert.Equal(desired.Comment, plan.Comment.Body);
        Assert.Same(Failing, plan.Check);
        Assert.Equal(3, plan.WriteCount);
    }

    [Fact]
    public void Plan_ForeignLabels_AreNeverTouched()
    {
        var current = new CurrentState { Labels = ["bug", "anatomy:exempt", "anatomy:custom", "Anatomy:No-Stage", "anatomy:no-outcome"] };

        var plan = ReconcilePlanner.Plan(Desired(["anatomy:no-stage"]), current);

        Assert.Empty(plan.LabelsToAdd);
        Assert.Equal(["anatomy:no-outcome"], plan.LabelsToRemove);
        Assert.Equal(["bug", "anatomy:exempt", "anatomy:custom", "Anatomy:No-Stage"], plan.LabelsAfter);
    }

    [Fact]
    public void Plan_AzureDevOpsTagListWithOddSpacingAndCasing_KeepsEveryForeignTagAsWritten()
    {
        // Azure DevOps replaces System.Tags as a whole: LabelsAfter is what gets written, so a person's tag with odd
        // spacing or casing must come through byte for byte.
        var current = new CurrentState { Labels = ["  Needs Review ", "TEAM:Blue", " ANATOMY:NO-OUTCOME "] };

        var plan = ReconcilePlanner.Plan(Desired(["anatomy:no-component"]), current);

        Assert.Equal(["anatomy:no-component"], plan.LabelsToAdd);
        Assert.Equal([" ANATOMY:NO-OUTCOME "], plan.LabelsToRemove);
        Assert.Equal(["  Needs Review ", "TEAM:Blue", "anatomy:no-component"], plan.LabelsAfter);
    }

    [Fact]
    public void Plan_OwnedLabelDifferentCase_IsAlreadyPresent()
    {
        var plan = ReconcilePlanner.Plan(Desired(["anatomy:no-stage"]), new CurrentState { Labels = ["ANATOMY:no-STAGE"] });

        Assert.True(plan.IsEmpty);
        Assert.Equal(0, plan.WriteCount);
    }

    [Fact]
    public void Plan_DesiredLabelNotOwned_IsAProgrammerError()
    {
        Assert.Throws<ArgumentException>(() => ReconcilePlanner.Plan(Desired(["bug"]), CurrentState.Empty));
    }

    [Fact]
    public void Plan_SameBodyWithCrLf_NoUpdate()
    {
        var current = new CurrentState { Comment = new ExistingComment("17", "<!-- anatomybot:trace -->\r\nbody\r\n") };

        var plan = ReconcilePlanner.Plan(Desired([], "<!-- anatomybot:trace -->\nbody"), current);

        Assert.Equal(CommentChangeKind.None, plan.Comment.Kind);
    }

    [Fact]
    public void Plan_BodyDiffers_UpdatesByExistingId()
    {
        var current = new CurrentState { Comment = new ExistingComment("42/1", "old") };

        var plan = ReconcilePlanner.Plan(Desired([], "new"), current);

        Assert.Equal(new CommentChange(CommentChangeKind.Update, "new", "42/1"), plan.Comment);
    }

    [Fact]
    public void Plan_OnlyResolvedDiffers_UpdatesWithResolved()
    {
        var current = new CurrentState { Comment = new ExistingComment("42/1", "same") };

        var plan = ReconcilePlanner.Plan(Desired([], "same") with { CommentResolved = true }, current);

        Assert.Equal(new CommentChange(CommentChangeKind.Update, "same", "42/1", Resolved: true), plan.Comment);
    }

    [Fact]
    public void Plan_NoCommentDesired_ExistingCommentIsNeverDeleted()
    {
        var current = new CurrentState { Comment = new ExistingComment("9", "left from before") };

        Assert.Equal(CommentChange.None, ReconcilePlanner.Plan(Desired([]), current).Comment);
    }

    [Fact]
    public void Plan_CommentOnlyIfExisting_DoesNotCreateButUpdates()
    {
        var desired = Desired([], "exempt") with { CommentOnlyIfExisting = true };

        Assert.Equal(CommentChangeKind.None, ReconcilePlanner.Plan(desired, CurrentState.Empty).Comment.Kind);
        var existing = new CurrentState { Comment = new ExistingComment("9", "gaps") };
        Assert.Equal(CommentChangeKind.Update, ReconcilePlanner.Plan(desired, existing).Comment.Kind);
    }

    [Theory]
    [InlineData(CheckConclusion.Neutral, "1 gap — merge blocked: no component linked", "summary")]
    [InlineData(CheckConclusion.Failure, "other title", "summary")]
    [InlineData(CheckConclusion.Failure, "1 gap — merge blocked: no component linked", "other summary")]
    public void Plan_CheckDiffersInAnyPart_SetsCheck(CheckConclusion conclusion, string title, string summary)
    {
        var current = new CurrentState { Check = new CheckState(conclusion, title, summary) };

        Assert.Same(Failing, ReconcilePlanner.Plan(Desired([], check: Failing), current).Check);
    }

    [Fact]
    public void Plan_SameCheckWithCrLfSummary_NoCheck()
    {
        var current = new CurrentState { Check = Failing with { Summary = "summary\r\n" } };

        Assert.Null(ReconcilePlanner.Plan(Desired([], check: Failing), current).Check);
    }

    [Fact]
    public void Plan_NoCheckDesired_LeavesCheck()
    {
        Assert.Null(ReconcilePlanner.Plan(Desired([]), new CurrentState { Check = Failing }).Check);
    }

    [Fact]
    public void Plan_OverStateItProduced_IsEmpty()
    {
        var desired = Desired(["anatomy:no-stage"], "body", Failing) with { CommentResolved = true };
        var current = new CurrentState { Labels = ["bug", "anatomy:no-outcome"], Comment = new ExistingComment("1", "old") };

        var first = ReconcilePlanner.Plan(desired, current);
        var second = ReconcilePlanner.Plan(desired, ReconcilePlanner.Simulate(current, first));

        Assert.False(first.IsEmpty);
        Assert.True(second.IsEmpty);
        Assert.Equal(0, second.WriteCount);
    }

    [Fact]
    public void Simulate_Create_UsesGivenId()
    {
        var plan = ReconcilePlanner.Plan(Desired([], "body"), CurrentState.Empty);

        Assert.Equal(new ExistingComment("c-1", "body"), ReconcilePlanner.Simulate(CurrentState.Empty, plan, "c-1").Comment);
    }

    internal static DesiredState Desired(string[] labels, string? comment = null, CheckState? check = null) => new()
    {
        OwnedLabels = new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase),
        Comment = comment,
        Check = check,
    };
}
