using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Behaviour.Onboarding;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>Which gaps an item gets, and how severe they are, through <see cref="ILinkageEngine.Evaluate"/>.</summary>
public sealed class GapRuleTests
{
    [Fact]
    public void Evaluate_MistypedIdOnAPullRequest_WarnsAndNeverBlocks()
    {
        var result = EvaluateOne(PullRequest("acme/shop#7", "Component: C-PRICING-RULEZ"));

        var unknown = Assert.Single(result.Gaps, g => g.Code == GapCodes.UnknownRef);
        Assert.Equal(GapSeverity.Warn, unknown.Severity);
        Assert.All(result.Gaps.Where(g => g.Code != GapCodes.UnknownRef), g => Assert.Equal(GapSeverity.Block, g.Severity));
    }

    [Theory]
    [InlineData("info", GapSeverity.Info)]
    [InlineData("warn", GapSeverity.Warn)]
    [InlineData("block", GapSeverity.Warn)]
    public void Evaluate_MistypedId_IsAsSevereAsItsRuleButAtMostAWarning(string severity, GapSeverity expected)
    {
        var policy = $$"""
            policy:
              rules:
                story: { require: [component], severity: {{severity}} }
            """;

        var result = EvaluateOne(Story("acme/shop#1", "Component: C-PRICING-RULES\nComponent: C-AUDIT-LOGG"), policy);

        var unknown = Assert.Single(result.Gaps);
        Assert.Equal((GapCodes.UnknownRef, expected), (unknown.Code, unknown.Severity));
    }

    [Fact]
    public void Evaluate_TwoMistypedIds_OneGapEachOrderedByMessage()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Component: C-ZETA, C-ALPHA\nOutcome: O-FAST-ACTIVATION\nStage: ST-PRICE\nComponent: C-PRICING-RULES"));

        Assert.Equal(
            ["`C-ALPHA` is not a component in the anatomy, so this link counts for nothing.", "`C-ZETA` is not a component in the anatomy, so this link counts for nothing."],
            result.Gaps.Select(g => g.Message));
    }

    [Theory]
    [InlineData("[component, work-item]")]
    [InlineData("[work-item, component]")]
    public void Evaluate_CustomRuleListingWorkItemWithAnotherLink_KeepsBothGaps(string require)
    {
        var policy = $$"""
            policy:
              rules:
                pull-request: { require: {{require}}, severity: block }
            """;

        var result = EvaluateOne(PullRequest("acme/shop#7", "Tidy up."), policy);

        Assert.Equal([GapCodes.NoComponent, GapCodes.NoWorkItem], Codes(result));
        Assert.All(result.Gaps, g => Assert.Equal(GapSeverity.Block, g.Severity));
    }

    [Fact]
    public void Evaluate_CustomRuleRequiringLogic_MissingLogicIsANoLogicGapWithLogicSuggestions()
    {
        var policy = """
            policy:
              rules:
                feature: { require: [logic], severity: warn }
            """;

        var result = EvaluateOne(Boards("12", ItemKind.Feature, "Discount limit tables for quotes"), policy);

        var gap = Assert.Single(result.Gaps);
        Assert.Equal((GapCodes.NoLogic, GapSeverity.Warn), (gap.Code, gap.Severity));
        Assert.NotEmpty(gap.Suggestions);
        Assert.All(gap.Suggestions, s => Assert.StartsWith("LG-", s.Id, StringComparison.Ordinal));
        Assert.Equal("LG-PRICING", gap.Suggestions[0].Id);
    }

    [Fact]
    public void Evaluate_MistypedId_ItsOwnWordsRankItsLikelyTarget()
    {
        // Nothing else in the item points anywhere; the mistyped id's own words point at the pricing engine.
        var item = Story("acme/shop#1", "Follow-up from the review.\nComponent: C-PRICING-RULEZ", title: "Follow-up");

        var result = EvaluateOne(item);

        var unknown = Assert.Single(result.Gaps, g => g.Code == GapCodes.UnknownRef);
        Assert.Equal("C-PRICING-RULES", unknown.Suggestions[0].Id);
        Assert.Contains("`C-PRICING-RULES`", unknown.Fix, StringComparison.Ordinal);
        Assert.Equal(("C-PRICING-RULEZ", "C-PRICING-RULES"), (unknown.Reference, unknown.LeadingId));
    }

    [Fact]
    public void Evaluate_ExemptItem_HasNoGapsEvenWithAMistypedId()
    {
        var item = Story("acme/shop#1", "Component: C-NOPE") with { Labels = ["anatomy:exempt"] };

        var result = EvaluateOne(item);

        Assert.Empty(result.Gaps);
        Assert.Null(result.Verdict);
        Assert.Equal("labelled `anatomy:exempt`", result.ExemptReason);
    }
}
