using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Behaviour.Onboarding;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>What an item inherits from its parents and linked items, through <see cref="ILinkageEngine.Evaluate"/>.</summary>
public sealed class ClosureRuleTests
{
    [Fact]
    public void Evaluate_ParentCycle_ItemsInItInheritNothingAlongIt()
    {
        var results = Evaluate(
            "",
            Boards("1", ItemKind.Feature, "Outcome: O-FEWER-PRICING-ERRORS", parent: "2"),
            Boards("2", ItemKind.Feature, "Stage: ST-ACTIVATE", parent: "1"));

        Assert.Equal(["O-FEWER-PRICING-ERRORS"], results[0].Trace.Outcomes);
        Assert.Empty(results[0].Trace.Stages);
        Assert.Equal(["ST-ACTIVATE"], results[1].Trace.Stages);
        Assert.Equal(["O-FAST-ACTIVATION"], results[1].Trace.Outcomes);
        Assert.Equal(["parent cycle 1 → 2 → 1; nothing is inherited along it"], results[0].Diagnostics);
        Assert.Equal(["parent cycle 1 → 2 → 1; nothing is inherited along it"], results[1].Diagnostics);
    }

    [Fact]
    public void Evaluate_ChildOfAnItemInACycle_InheritsThatItemsOwnLinksOnly()
    {
        var results = Evaluate(
            "",
            Boards("3", ItemKind.Story, "Component: C-AUDIT-LOG", parent: "1"),
            Boards("1", ItemKind.Feature, "Outcome: O-FEWER-PRICING-ERRORS", parent: "2"),
            Boards("2", ItemKind.Feature, "Stage: ST-ACTIVATE", parent: "1"));

        Assert.Equal(["O-FEWER-PRICING-ERRORS"], results[0].Trace.Outcomes);
        Assert.Empty(results[0].Trace.Stages);
        Assert.Empty(results[0].Diagnostics);
    }

    [Fact]
    public void Evaluate_PullRequestLinkingTheFirstItemOfTheBatch_KeepsTheLinkAndInheritsEverything()
    {
        var results = Evaluate(
            "",
            Story("acme/shop#1", "Component: C-PRICING-RULES"),
            PullRequest("acme/shop#2", "Fixes #1", linked: "acme/shop#1"));

        var pr = results[1];
        Assert.Equal(["acme/shop#1"], pr.LinkedItems);
        Assert.Empty(pr.Gaps);
        Assert.Equal(["C-PRICING-RULES"], pr.Trace.Components);
        Assert.Equal(["O-FAST-ACTIVATION", "O-FEWER-PRICING-ERRORS"], pr.Trace.Outcomes);
        Assert.Empty(pr.Diagnostics);
    }

    [Fact]
    public void Evaluate_PullRequestLinkingAnItemNotRead_NotesItAndHasNoWorkItem()
    {
        var result = Evaluate("", PullRequest("acme/shop#2", "Component: C-PRICING-RULES", linked: "acme/shop#99"))[0];

        Assert.Empty(result.LinkedItems);
        Assert.Equal(["linked work item `acme/shop#99` is not among the items read"], result.Diagnostics);
        Assert.Equal([GapCodes.NoWorkItem], Codes(result));
    }

    [Fact]
    public void Evaluate_PullRequestLinkingAnotherPullRequest_DoesNotCountItAsAWorkItem()
    {
        var results = Evaluate(
            "",
            PullRequest("acme/shop#1", "Component: C-PRICING-RULES"),
            PullRequest("acme/shop#2", "Component: C-PRICING-RULES", linked: "acme/shop#1"));

        Assert.Empty(results[1].LinkedItems);
        Assert.Contains(GapCodes.NoWorkItem, Codes(results[1]));
    }

    [Fact]
    public void Evaluate_ParentNotRead_NotesItAndInheritsNothing()
    {
        var result = Evaluate("", Boards("5", ItemKind.Story, "Component: C-AUDIT-LOG", parent: "404"))[0];

        Assert.Equal(["parent `404` is not among the items read; nothing was inherited from it"], result.Diagnostics);
        Assert.Empty(result.Trace.Outcomes);
    }

    [Fact]
    public void Evaluate_TwoItemsWithTheSameId_TheSecondIsEvaluatedOnItsOwn()
    {
        var results = Evaluate(
            "",
            Boards("7", ItemKind.Epic, "Outcome: O-FAST-ACTIVATION"),
            Boards("8", ItemKind.Feature, "Stage: ST-ACTIVATE", parent: "7"),
            Boards("7", ItemKind.Epic, "Outcome: O-FEWER-PRICING-ERRORS"));

        Assert.Equal(["another item with the id `7` came first; this one is evaluated on its own"], results[2].Diagnostics);
        Assert.Empty(results[0].Diagnostics);
        Assert.Equal(["O-FAST-ACTIVATION"], results[1].Trace.Outcomes);
    }

    [Fact]
    public void Evaluate_InheritedAndOwnLinks_TraceListsAreSortedAndDistinct()
    {
        var results = Evaluate(
            "",
            Boards("1", ItemKind.Epic, "Outcome: O-FEWER-PRICING-ERRORS"),
            Boards("2", ItemKind.Story, "Component: C-KYC-SERVICE\nComponent: C-AUDIT-LOG\nStage: ST-PRICE", parent: "1"));

        var story = results[1];
        Assert.Equal(["C-AUDIT-LOG", "C-KYC-SERVICE"], story.Trace.Components);
        Assert.Equal(["ST-PRICE", "ST-QUALIFY"], story.Trace.Stages);
        Assert.Equal(["O-FAST-ACTIVATION", "O-FEWER-PRICING-ERRORS"], story.Trace.Outcomes);
    }
}
