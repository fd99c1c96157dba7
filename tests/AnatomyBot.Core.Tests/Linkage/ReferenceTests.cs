using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class ReferenceTests
{
    [Fact]
    public void Labels_OfEachLayer_AreOwnReferences_CaseInsensitive()
    {
        var result = EvaluateOne(Story("acme/shop#1", "", "Outcome:o-faster-onboarding", "stage:S-APPLY", "LOGIC: l-kyc-check", "component: C-KYC-SERVICE", "bug"));

        Assert.Equal(["O-FASTER-ONBOARDING"], result.Trace.Outcomes);
        Assert.Equal(["S-APPLY"], result.Trace.Stages);
        Assert.Equal(["L-KYC-CHECK"], result.Trace.Logic);
        Assert.Equal(["C-KYC-SERVICE"], result.Trace.Components);
        Assert.Equal(Layer.Component, result.Layer);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void MarkdownBodyLines_SingularPluralAndCommaLists_AreRead()
    {
        var body = """
            Some context about pricing.

            **Outcomes:** O-FASTER-ONBOARDING, o-fewer-pricing-errors
            Stages: S-APPLY
            - Component: C-AUDIT-LOG (the audit trail).
            """;

        var result = EvaluateOne(Story("acme/shop#1", body));

        Assert.Equal(["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS"], result.Trace.Outcomes);
        Assert.Equal(["S-APPLY"], result.Trace.Stages);
        Assert.Equal(["C-AUDIT-LOG"], result.Trace.Components);
    }

    [Fact]
    public void MarkdownReferences_InsideCodeBlocksAndCodeSpans_AreIgnored()
    {
        var body = """
            ```
            Component: C-AUDIT-LOG
            ```

                Stage: S-APPLY

            `Outcome: O-UNUSED`
            """;

        var result = EvaluateOne(Story("acme/shop#1", body));

        Assert.Equal(Trace.Empty, result.Trace);
        Assert.Equal(Layer.Unmapped, result.Layer);
    }

    [Fact]
    public void HtmlDescription_BlockElementsAndBreaksAreLines_ScriptsAndCodeIgnored()
    {
        var html = "<div>Intro<br>Outcome: O-FASTER-ONBOARDING<br/>Stage: S-PRICE</div><p><b>Component</b>: C-PRICING-RULES</p>"
            + "<script>document.write('Logic: L-KYC-CHECK')</script><pre>Component: C-AUDIT-LOG</pre><p>Logic: <code>L-KYC-CHECK</code>";

        var result = EvaluateOne(Ado("7", ItemKind.Story, html));

        Assert.Equal(["C-PRICING-RULES"], result.Trace.Components);
        Assert.Equal(["L-PRICING"], result.Trace.Logic);
        Assert.Equal(["S-PRICE"], result.Trace.Stages);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void HtmlDescription_UnclosedTagsAndEntities_StillRead()
    {
        var result = EvaluateOne(Ado("7", ItemKind.Epic, "<div><p>Outcome:&nbsp;O-FASTER-ONBOARDING<div><span>more"));

        Assert.Equal(["O-FASTER-ONBOARDING"], result.Trace.Outcomes);
        Assert.Empty(result.Gaps);
    }

    [Theory]
    [InlineData("<p><b>Component</b>: C-PRICING-RULES</p>")]
    [InlineData("<p><b>Components</b> : C-PRICING-RULES</p>")]
    [InlineData("<p>Component&nbsp;: C-PRICING-RULES</p>")]
    [InlineData("<p>Component&#58; C-PRICING-RULES</p>")]
    [InlineData("<p>the component list follows<br>COMPONENT:C-PRICING-RULES</p>")]
    public void HtmlReferenceLine_KeywordAndColonSeparatedByTagsOrEntities_IsRead(string html)
    {
        var result = EvaluateOne(Ado("7", ItemKind.Story, html));

        Assert.Equal(["C-PRICING-RULES"], result.Trace.Components);
    }

    [Theory]
    [InlineData("**Component**: C-PRICING-RULES")]
    [InlineData("_Components_ : C-PRICING-RULES")]
    [InlineData("Component\\: C-PRICING-RULES")]
    public void MarkdownReferenceLine_KeywordAndColonSeparatedByEmphasis_IsRead(string body)
    {
        var result = EvaluateOne(Story("acme/shop#1", body));

        Assert.Equal(["C-PRICING-RULES"], result.Trace.Components);
    }

    [Fact]
    public void Keywords_InProseWithoutColon_AreNotReferences()
    {
        var result = EvaluateOne(Ado("7", ItemKind.Story, "<div>The component C-PRICING-RULES at this stage needs logic; outcome pending</div>"));

        Assert.Equal(Trace.Empty, result.Trace);
    }

    [Fact]
    public void AzureDevOpsTagsAndPolicyFields_AreReferences()
    {
        var policy = new AnatomyPolicy { Fields = new Dictionary<string, Layer>(StringComparer.OrdinalIgnoreCase) { ["Custom.StrategicOutcome"] = Layer.Outcome } };
        var item = Ado("8", ItemKind.Feature) with
        {
            Labels = ["stage:S-ACTIVATE", "team-a"],
            Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Custom.StrategicOutcome"] = "O-UNUSED" },
        };

        var result = EvaluateOne(item, Create(policy));

        Assert.Equal(["O-FASTER-ONBOARDING", "O-UNUSED"], result.Trace.Outcomes);
        Assert.Equal(Layer.Stage, result.Layer);
    }

    [Fact]
    public void UnknownId_IsAnUnknownRefGap_NamingTheId()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Component: C-PRICNG-RULES", "outcome:O-FASTER-ONBOARDING", "stage:S-PRICE"));

        var gap = Assert.Single(result.Gaps, g => g.Code == GapCodes.UnknownRef);
        Assert.Contains("`C-PRICNG-RULES`", gap.Message, StringComparison.Ordinal);
        Assert.Equal(GapSeverity.Warn, gap.Severity);
        Assert.Equal("C-PRICING-RULES", gap.Suggestions[0].Id);
        Assert.Contains("C-PRICING-RULES", gap.Fix, StringComparison.Ordinal);
        Assert.Contains(GapCodes.NoComponent, Codes(result));
    }

    [Fact]
    public void Extract_ParentLine_ResolvesAgainstRepository()
    {
        var item = Story("acme/shop#5", "Parent: #2");

        Assert.Equal("acme/shop#2", ReferenceExtractor.ParentOf(item));
        Assert.Equal("acme/shop#9", ReferenceExtractor.ParentOf(item with { ParentId = "acme/shop#9" }));
        Assert.Equal("3", ReferenceExtractor.ParentOf(Ado("4", ItemKind.Story, "<p>Parent: #3</p>")));
        Assert.Null(ReferenceExtractor.ParentOf(Story("acme/shop#5", "No parent here")));
    }

    [Fact]
    public void LinkedWorkItems_FindsEveryMentionForm_SortedAndDistinct()
    {
        var pr = Pr("acme/shop#50", """
            Fixes #45 and relates to AB#123, see also other/lib#7.
            Closes https://github.com/acme/web/issues/9 and https://dev.azure.com/acme/Shop/_workitems/edit/321
            resolves #45 again
            ```
            #999 AB#888
            ```
            """) with { LinkedItemIds = ["77"], Title = "Pricing change (AB#124)" };

        var linked = ReferenceExtractor.LinkedWorkItems(pr);

        Assert.Equal(["123", "124", "321", "77", "acme/shop#45", "acme/web#9", "other/lib#7"], linked);
    }

    [Fact]
    public void LinkedWorkItems_AzureDevOpsPullRequest_HashIdsAreBoardIds()
    {
        var pr = new WorkItem { Id = "pr-12", Source = ItemSource.AzureDevOps, Kind = ItemKind.PullRequest, Title = "x", Body = "Implements #45 &#39;quoted&#39;" };

        Assert.Equal(["45"], ReferenceExtractor.LinkedWorkItems(pr));
        Assert.Empty(ReferenceExtractor.LinkedWorkItems(Story("acme/shop#1", "Fixes #3")));
    }
}
