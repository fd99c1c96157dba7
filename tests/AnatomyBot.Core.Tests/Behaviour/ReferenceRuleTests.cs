using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using static AnatomyBot.Core.Tests.Behaviour.Onboarding;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>Which lines of an item's text are references, read through <see cref="ILinkageEngine.Evaluate"/>: a
/// reference shows in the trace, a mistyped one as an <c>unknown-ref</c> gap.</summary>
public sealed class ReferenceRuleTests
{
    [Theory]
    [InlineData("Stage two follows the pricing work.")]
    [InlineData("Components are listed in the spec")]
    [InlineData("Component")]
    [InlineData("Component:")]
    [InlineData("Component: , ; ()")]
    [InlineData("Our component: C-PRICING-RULES")]
    public void Evaluate_LineThatIsNoReference_YieldsNoReference(string line)
    {
        var result = EvaluateOne(Story("acme/shop#1", line));

        Assert.Empty(result.Trace.Outcomes.Concat(result.Trace.Stages).Concat(result.Trace.Logic).Concat(result.Trace.Components));
        Assert.DoesNotContain(GapCodes.UnknownRef, Codes(result));
        Assert.Equal(Layer.Unmapped, result.Layer);
    }

    [Theory]
    [InlineData("Components: C-PRICING-RULES; C-AUDIT-LOG")]
    [InlineData("Components: C-PRICING-RULES, C-AUDIT-LOG")]
    [InlineData("component : C-PRICING-RULES ;C-AUDIT-LOG")]
    [InlineData("  COMPONENT: C-PRICING-RULES (the engine), **C-AUDIT-LOG**")]
    public void Evaluate_ComponentList_ReadsEveryId(string line)
    {
        var result = EvaluateOne(Story("acme/shop#1", line));

        Assert.Equal(["C-AUDIT-LOG", "C-PRICING-RULES"], result.Trace.Components);
        Assert.Equal(Layer.Component, result.Layer);
    }

    [Theory]
    [InlineData("Outcome: O-FAST-ACTIVATION", Layer.Outcome)]
    [InlineData("Outcomes: O-FAST-ACTIVATION", Layer.Outcome)]
    [InlineData("Stage: ST-ACTIVATE", Layer.Stage)]
    [InlineData("Stages: ST-ACTIVATE", Layer.Stage)]
    [InlineData("Logic: LG-KYC", Layer.Logic)]
    public void Evaluate_KeywordLine_ReferencesItsLayer(string line, Layer expected)
    {
        Assert.Equal(expected, EvaluateOne(Story("acme/shop#1", line)).Layer);
    }

    [Fact]
    public void Evaluate_UnknownStageId_IsAnUnknownStage()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Stage: ST-PRICING"));

        var unknown = Assert.Single(result.Gaps, g => g.Code == GapCodes.UnknownRef);
        Assert.Equal("`ST-PRICING` is not a stage in the anatomy, so this link counts for nothing.", unknown.Message);
        Assert.Equal("ST-PRICE", unknown.Suggestions[0].Id);
    }
}
