using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class PolicyModeTests
{
    private const string Anatomy = """
        version: 1
        outcomes:
          - { id: O-FAST, name: Faster onboarding }
        valueStreams:
          - id: VS-ONBOARDING
            name: Onboarding
            outcomes: [O-FAST]
            stages:
              - { id: S-APPLY, name: Apply }
        """;

    private static readonly WorkItem PullRequest = new()
    {
        Id = "contoso/web#7", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Spike", Scope = "contoso/web",
    };

    private static (DesiredState State, ReconcilePlan Plan) Build(string policy, WorkItem? item = null, IReadOnlyList<string>? labels = null)
    {
        var parsed = AnatomyParser.Parse(Anatomy + "\n" + policy);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        var anatomy = parsed.Anatomy!;
        var evaluation = new LinkageEngine(anatomy).Evaluate([item ?? PullRequest])[0];
        var desired = DesiredStateBuilder.Build(evaluation, anatomy);
        var current = new CurrentState { Labels = labels ?? ["anatomy:no-outcome", "bug"] };
        return (desired, ReconcilePlanner.Plan(desired, current));
    }

    [Fact]
    public void Block_Default_LabelsCommentAndFailingCheck()
    {
        var (state, plan) = Build("");

        Assert.Equal(CheckConclusion.Failure, state.Check!.Conclusion);
        Assert.StartsWith("3 gaps — merge blocked", state.Check.Title, StringComparison.Ordinal);
        Assert.Contains("### 🛑 Anatomy: 3 gaps — merge blocked", state.Comment, StringComparison.Ordinal);
        Assert.Contains("anatomy:no-work-item", plan.LabelsToAdd);
    }

    [Fact]
    public void Off_TouchesNothing()
    {
        var (state, plan) = Build("policy:\n  mode: off\n");

        Assert.Null(state.Check);
        Assert.Null(state.Comment);
        Assert.Empty(plan.LabelsToAdd);
        Assert.Empty(plan.LabelsToRemove);
        Assert.Equal(CommentChangeKind.None, plan.Comment.Kind);
        Assert.Null(plan.Check);
    }

    [Fact]
    public void Report_CommentAndNeutralCheck_NoLabels()
    {
        var (state, plan) = Build("policy:\n  mode: report\n");

        Assert.Equal(CheckConclusion.Neutral, state.Check!.Conclusion);
        Assert.Equal("3 gaps — would block the merge (mode: report): no component linked, no outcome linked, no work item linked", state.Check.Title);
        Assert.Contains("### ⚠️ Anatomy: 3 gaps — would block the merge (mode: report)", state.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("merge blocked", state.Comment + state.Check.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("To merge:", state.Comment, StringComparison.Ordinal);
        Assert.Empty(plan.LabelsToAdd);
        Assert.Equal(["anatomy:no-outcome"], plan.LabelsToRemove);
    }

    [Fact]
    public void Label_LabelsAndComment_CheckNeverFails()
    {
        var (state, plan) = Build("policy:\n  mode: label\n");

        Assert.Equal(CheckConclusion.Neutral, state.Check!.Conclusion);
        Assert.StartsWith("3 gaps — would block the merge (mode: label)", state.Check.Title, StringComparison.Ordinal);
        Assert.Contains("would block the merge", state.Comment, StringComparison.Ordinal);
        Assert.Contains("anatomy:no-work-item", plan.LabelsToAdd);
    }

    [Fact]
    public void Scope_RepositoryModeOverridesTheFileWideMode_WithoutRules()
    {
        var policy = "policy:\n  mode: block\n  scopes:\n    - { repository: contoso/web, mode: report }\n";

        Assert.Equal(CheckConclusion.Neutral, Build(policy).State.Check!.Conclusion);
        Assert.Equal(CheckConclusion.Failure, Build(policy, PullRequest with { Scope = "contoso/api" }).State.Check!.Conclusion);
    }

    [Fact]
    public void Scope_ValueStreamMode_AppliesToItemsOnItsStages()
    {
        var policy = "policy:\n  scopes:\n    - { valueStream: VS-ONBOARDING, mode: off }\n";

        Assert.Null(Build(policy, PullRequest with { Body = "Stage: S-APPLY" }).State.Check);
        Assert.NotNull(Build(policy).State.Check);
    }

    [Fact]
    public void Comment_Never_OnlyTheCheckSummary()
    {
        var (state, _) = Build("policy:\n  comment: never\n");

        Assert.Null(state.Comment);
        Assert.NotNull(state.Check);
    }

    [Fact]
    public void Comment_OnGaps_NotCreatedForACleanItemButKeptUpToDate()
    {
        var clean = PullRequest with { Body = "Fixes #3\nOutcome: O-FAST\n", Labels = ["anatomy:exempt"] };

        Assert.False(Build("policy:\n  comment: on-gaps\n").State.CommentOnlyIfExisting);
        Assert.True(Build("policy:\n  comment: on-gaps\n", clean).State.CommentOnlyIfExisting);
    }

    [Theory]
    [InlineData("mode: stop", "policy.mode: 'stop' is not one of off | report | label | block")]
    [InlineData("comment: sometimes", "policy.comment: 'sometimes' is not one of always | on-gaps | never")]
    public void Parse_UnknownMode_IsInvalid(string line, string message)
    {
        var parsed = AnatomyParser.Parse($"version: 1\npolicy:\n  {line}\n");

        Assert.StartsWith(message, Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }
}
