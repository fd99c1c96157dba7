using System.Globalization;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Tests.Support;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

/// <summary>A filled GitHub issue form (<c>### Field</c>, a blank line, the value; <c>_No response_</c> for none) is read
/// like <c>Field:</c> lines.</summary>
public sealed class FormBodyTests
{
    [Fact]
    public void Evaluate_FilledStoryForm_MatchesTheGoldenTrace()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Linkage", "Golden", "filled-story-form.md"));

        var result = EvaluateOne(Story("acme/shop#1", body));

        GoldenFiles.AssertMatches("Linkage", "filled-story-form.txt", Describe(ReferenceExtractor.ParentOf(Story("acme/shop#1", body)), result));
    }

    [Fact]
    public void Evaluate_FilledForm_ReadsExactlyLikeKeywordLines()
    {
        var form = "### Outcomes\n\nO-FEWER-PRICING-ERRORS — Fewer pricing errors\n\n### Stages (Customer onboarding)\n\nS-APPLY — Apply\n\n### Components\n\nC-AUDIT-LOG — Audit log, C-PRICNG — typo\n";
        var lines = "Outcomes: O-FEWER-PRICING-ERRORS — Fewer pricing errors\n\nStages: S-APPLY — Apply\n\nComponents: C-AUDIT-LOG — Audit log, C-PRICNG — typo\n";

        var fromForm = EvaluateOne(Story("acme/shop#1", form));
        var fromLines = EvaluateOne(Story("acme/shop#1", lines));

        Assert.Equal(fromLines.Trace.Outcomes, fromForm.Trace.Outcomes);
        Assert.Equal(fromLines.Trace.Stages, fromForm.Trace.Stages);
        Assert.Equal(fromLines.Trace.Components, fromForm.Trace.Components);
        Assert.Equal(Codes(fromLines), Codes(fromForm));
        Assert.Equal(["C-AUDIT-LOG"], fromForm.Trace.Components);
        Assert.Contains("unknown-ref", Codes(fromForm));
    }

    [Fact]
    public void Evaluate_NoResponse_IsNoReference()
    {
        var result = EvaluateOne(Story("acme/shop#1", "### Outcomes\n\n_No response_\n\n### Components\n\n_No response_\n"));

        Assert.Empty(result.Trace.Outcomes);
        Assert.Empty(result.Trace.Components);
        Assert.DoesNotContain("unknown-ref", Codes(result));
    }

    [Theory]
    [InlineData("## Components\n\nC-AUDIT-LOG\n")]
    [InlineData("#### Components\n\nC-AUDIT-LOG\n")]
    [InlineData("### Components of the design\n\nC-AUDIT-LOG\n")]
    [InlineData("### Components\n\n```\nC-AUDIT-LOG\n```\n")]
    [InlineData("### Components\n\n### Description\n\nC-AUDIT-LOG\n")]
    [InlineData("Components\n\nC-AUDIT-LOG\n")]
    public void Evaluate_NotAFormField_IsNotRead(string body)
    {
        var result = EvaluateOne(Story("acme/shop#1", body));

        Assert.Empty(result.Trace.Components);
        Assert.DoesNotContain("unknown-ref", Codes(result));
    }

    [Fact]
    public void Evaluate_FieldValueOnSeveralLines_ReadsTheFirstAsTheField()
    {
        var result = EvaluateOne(Story("acme/shop#1", "  ### components\nC-AUDIT-LOG, C-KYC-SERVICE\nmore words here\n"));

        Assert.Equal(["C-AUDIT-LOG", "C-KYC-SERVICE"], result.Trace.Components);
    }

    [Fact]
    public void Evaluate_ManyFormHeadings_ReadsEveryField()
    {
        var body = string.Concat(Enumerable.Repeat("### Stage\n\n_No response_\n\n", 20_000)) + "### Outcome\n\nO-UNUSED\n";

        var result = EvaluateOne(Story("acme/shop#1", body));

        Assert.Equal(["O-UNUSED"], result.Trace.Outcomes);
    }

    private static string Describe(string? parent, ItemEvaluation result) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        parent: {parent}
        outcomes: {string.Join(", ", result.Trace.Outcomes)}
        stages: {string.Join(", ", result.Trace.Stages)}
        logic: {string.Join(", ", result.Trace.Logic)}
        components: {string.Join(", ", result.Trace.Components)}
        layer: {result.Layer}
        gaps: {string.Join(", ", result.Gaps.Select(g => g.Code))}

        """);
}
