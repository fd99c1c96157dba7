using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class ClosureTests
{
    [Fact]
    public void Component_ImpliesLogicStagesAndBothStageAndValueStreamOutcomes()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Component: C-PRICING-RULES"));

        Assert.Equal(["C-PRICING-RULES"], result.Trace.Components);
        Assert.Equal(["L-PRICING"], result.Trace.Logic);
        Assert.Equal(["S-PRICE"], result.Trace.Stages);
        Assert.Equal(["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS"], result.Trace.Outcomes);
        Assert.Equal(Layer.Component, result.Layer);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void ComponentUsedByNoLogic_ImpliesNothingAbove()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Component: C-AUDIT-LOG"));

        Assert.Empty(result.Trace.Logic);
        Assert.Equal([GapCodes.NoOutcome, GapCodes.NoStage], Codes(result));
    }

    [Fact]
    public void ThreeLevels_StoryInheritsOutcomesAndStagesFromFeatureAndEpic_NotComponentsOrLayer()
    {
        var items = new[]
        {
            Ado("3", ItemKind.Story, "<p>Component: C-AUDIT-LOG</p>", parent: "2"),
            Ado("2", ItemKind.Feature, "<p>Stage: S-ACTIVATE</p>", parent: "1"),
            Ado("1", ItemKind.Epic, "<p>Outcome: O-UNUSED</p><p>Component: C-KYC-SERVICE</p>"),
        };

        var results = new LinkageEngine(Create()).Evaluate(items);

        var story = results[0];
        Assert.Equal(["O-FASTER-ONBOARDING", "O-UNUSED"], story.Trace.Outcomes);
        Assert.Equal(["S-ACTIVATE", "S-APPLY"], story.Trace.Stages);
        Assert.Equal(["C-AUDIT-LOG"], story.Trace.Components);
        Assert.Empty(story.Trace.Logic);
        Assert.Empty(story.Gaps);
        Assert.Equal(Layer.Component, story.Layer);
        Assert.Equal(Layer.Stage, results[1].Layer);
        Assert.Equal(Layer.Component, results[2].Layer);
        Assert.Equal(["1", "2", "3"], results.Select(r => r.Item.Id).Order());
    }

    [Fact]
    public void ItemWhoseOwnLinksMeetItsRule_IsNotReadForRankingTerms_OthersAre()
    {
        var engine = new LinkageEngine(Create());
        var scratch = engine.Scratch.Rent();
        var complete = Prepare(Story("acme/shop#1", "Component: C-PRICING-RULES\n\npricing rules and discounts"));
        var noComponent = Prepare(Story("acme/shop#2", "Stage: S-PRICE\n\npricing rules and discounts"));
        var unknown = Prepare(Story("acme/shop#3", "Component: C-PRICING-RULES, C-NOPE\n\npricing rules"));
        var inheritsOnly = Prepare(Ado("4", ItemKind.Story, "<p>Component: C-AUDIT-LOG</p><p>pricing rules</p>", parent: "5"));
        var exempt = Prepare(Story("acme/shop#6", "pricing rules", "anatomy:exempt"));

        Assert.Equal(0, complete.Terms.Length);
        Assert.NotEqual(0, noComponent.Terms.Length);
        Assert.NotEqual(0, unknown.Terms.Length);
        Assert.NotEqual(0, inheritsOnly.Terms.Length);
        Assert.Equal(0, exempt.Terms.Length);

        PreparedItem Prepare(WorkItem item) => engine.Prepare(scratch.Draft.From(item), item.Body, scratch);
    }

    [Fact]
    public void InheritedLinks_DoNotRaiseTheLayer()
    {
        var results = new LinkageEngine(Create()).Evaluate(
            [Ado("2", ItemKind.Story, parent: "1"), Ado("1", ItemKind.Epic, "<p>Stage: S-APPLY</p>")]);

        Assert.Equal(Layer.Unmapped, results[0].Layer);
        Assert.Equal(["S-APPLY"], results[0].Trace.Stages);
        Assert.Equal([GapCodes.NoComponent], Codes(results[0]));
    }

    [Fact]
    public void PullRequest_TakesEffectiveLinksOfLinkedWorkItems()
    {
        var items = new[]
        {
            Pr("acme/shop#10", "Fixes #2"),
            Story("acme/shop#2", "Component: C-KYC-SERVICE\nParent: #1"),
            Story("acme/shop#1", "Outcome: O-UNUSED") with { Kind = ItemKind.Feature },
        };

        var pr = new LinkageEngine(Create()).Evaluate(items)[0];

        Assert.Equal(["acme/shop#2"], pr.LinkedItems);
        Assert.Equal(["C-KYC-SERVICE"], pr.Trace.Components);
        Assert.Equal(["O-FASTER-ONBOARDING", "O-UNUSED"], pr.Trace.Outcomes);
        Assert.Equal(Layer.Unmapped, pr.Layer);
        Assert.Empty(pr.Gaps);
    }

    [Fact]
    public void PullRequest_ChangedPathsMatchComponentGlobs()
    {
        var pr = Pr("acme/shop#11", "AB#5") with { ChangedPaths = ["src/pricing/engine/Discounts.cs", "README.md"] };
        var story = Ado("5", ItemKind.Story, "<p>Stage: S-PRICE</p>");

        var result = new LinkageEngine(Create()).Evaluate([pr, story])[0];

        Assert.Equal(["C-PRICING-RULES"], result.Trace.Components);
        Assert.Equal(Layer.Component, result.Layer);
        Assert.Equal(["5"], result.LinkedItems);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void PullRequest_LinkingAnotherPullRequest_DoesNotCountAsWorkItem()
    {
        var results = new LinkageEngine(Create()).Evaluate([Pr("acme/shop#1", "see #2"), Pr("acme/shop#2", "Component: C-KYC-SERVICE")]);

        Assert.Empty(results[0].LinkedItems);
        Assert.Contains(GapCodes.NoWorkItem, Codes(results[0]));
        Assert.All(results[0].Gaps.Where(g => g.Code != GapCodes.UnknownRef), g => Assert.Equal(GapSeverity.Block, g.Severity));
    }
}
