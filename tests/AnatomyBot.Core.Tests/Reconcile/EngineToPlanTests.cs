using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>The real engine's texts through the renderers: valid Markdown, and a second pass writes nothing.</summary>
public sealed class EngineToPlanTests
{
    [Theory]
    [InlineData("Outcome: o-fast-onboarding\nStage: s-verfy", "src/app.cs")]
    [InlineData("Fixes #12 | <img src=x onerror=alert(1)> @octocat", "docs/readme.md")]
    [InlineData("", "")]
    public void EngineEvaluation_RendersValidMarkdownAndReplansToNothing(string body, string changed)
    {
        var pr = new WorkItem
        {
            Id = "acme/onboarding#50",
            Source = ItemSource.GitHub,
            Kind = ItemKind.PullRequest,
            Title = "Hostile <b>title</b> | @everyone",
            Body = body,
            ChangedPaths = changed.Length == 0 ? [] : [changed],
        };
        var evaluation = new LinkageEngine(ReconcileFixtures.Anatomy).Evaluate([pr])[0];

        var desired = DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy);
        var first = ReconcilePlanner.Plan(desired, CurrentState.Empty);
        var second = ReconcilePlanner.Plan(DesiredStateBuilder.Build(evaluation, ReconcileFixtures.Anatomy), ReconcilePlanner.Simulate(CurrentState.Empty, first));

        Assert.NotEmpty(evaluation.Gaps);
        MarkdownAssert.Valid(desired.Comment!, 0);
        MarkdownAssert.Valid(desired.Check!.Summary, 0);
        Assert.DoesNotContain("@everyone", desired.Comment, StringComparison.Ordinal);
        Assert.True(second.IsEmpty);
    }
}
