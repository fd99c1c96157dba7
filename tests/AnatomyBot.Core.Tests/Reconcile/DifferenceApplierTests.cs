using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using Moq;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class DifferenceApplierTests
{
    private static readonly ReconcileTarget Target = new(ItemSource.GitHub, "acme/shop#5", ItemKind.PullRequest, "abc123");

    private static Mock<IReconcileApplier> Applier(ItemSource source)
    {
        var applier = new Mock<IReconcileApplier>(MockBehavior.Strict);
        applier.Setup(a => a.Source).Returns(source);
        return applier;
    }

    [Fact]
    public async Task ApplyAsync_NothingDiffers_WritesNothingAndReturnsTheEmptyPlan()
    {
        var github = Applier(ItemSource.GitHub);
        var current = new CurrentState { Labels = ["anatomy:no-stage", "bug"] };

        var plan = await new DifferenceApplier([github.Object], ItemSource.GitHub)
            .ApplyAsync(Target, ReconcilePlannerTests.Desired(["anatomy:no-stage"]), current, CancellationToken.None);

        Assert.True(plan.IsEmpty);
        github.Verify(a => a.ApplyAsync(It.IsAny<ReconcileTarget>(), It.IsAny<ReconcilePlan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ApplyAsync_Difference_AppliesThePlanThroughTheLastApplierOfThePlatformOnly()
    {
        var first = Applier(ItemSource.GitHub);
        var boards = Applier(ItemSource.AzureDevOps);
        var last = Applier(ItemSource.GitHub);
        ReconcilePlan? applied = null;
        last.Setup(a => a.ApplyAsync(Target, It.IsAny<ReconcilePlan>(), It.IsAny<CancellationToken>()))
            .Callback<ReconcileTarget, ReconcilePlan, CancellationToken>((_, p, _) => applied = p)
            .Returns(Task.CompletedTask);

        var plan = await new DifferenceApplier([first.Object, last.Object, boards.Object], ItemSource.GitHub)
            .ApplyAsync(Target, ReconcilePlannerTests.Desired(["anatomy:no-stage"], "<!-- anatomybot:trace -->\nbody"), CurrentState.Empty, CancellationToken.None);

        Assert.Same(plan, applied);
        Assert.Equal(["anatomy:no-stage"], plan.LabelsToAdd);
        Assert.Equal(CommentChangeKind.Create, plan.Comment.Kind);
        first.Verify(a => a.ApplyAsync(It.IsAny<ReconcileTarget>(), It.IsAny<ReconcilePlan>(), It.IsAny<CancellationToken>()), Times.Never);
        boards.Verify(a => a.ApplyAsync(It.IsAny<ReconcileTarget>(), It.IsAny<ReconcilePlan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Constructor_NoApplierForThePlatform_FailsNamingIt()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new DifferenceApplier([Applier(ItemSource.GitHub).Object], ItemSource.AzureDevOps));

        Assert.Contains("AzureDevOps", exception.Message, StringComparison.Ordinal);
    }
}
