using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Behaviour.Onboarding;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>Which rule applies to an item: scopes by repository (GitHub) or area path (Azure DevOps), the most specific
/// first, then the policy's rules, then the defaults. Seen through the gaps <see cref="ILinkageEngine.Evaluate"/> gives.</summary>
public sealed class PolicyScopeRuleTests
{
    private const string Policy = """
        policy:
          rules:
            story: { require: [outcome, stage, component], severity: warn }
          scopes:
            - repository: acme/shop
              rules:
                story: { require: [logic], severity: block }
            - areaPath: 'Shop\Onboarding'
              rules:
                story: { require: [stage], severity: info }
            - areaPath: 'Shop\Onboarding\Pricing'
              rules:
                story: { require: [component], severity: block }
            - areaPath: acme/web
              rules:
                story: { require: [outcome], severity: block }
            - areaPath: 'Shop\Onboarding\Pricing\Legacy'
              rules:
                epic: { require: [], severity: info }
        """;

    [Theory]
    [InlineData("acme/shop", "no-logic:block")]
    [InlineData("ACME/Shop", "no-logic:block")]
    [InlineData("acme/shopping", "no-component:warn,no-outcome:warn,no-stage:warn")]
    [InlineData(null, "no-component:warn,no-outcome:warn,no-stage:warn")]
    public void Evaluate_GitHubItem_RepositoryScopeAppliesToThatRepositoryOnly(string? repository, string expected)
    {
        var result = EvaluateOne(Story("1", "Plain text.") with { Scope = repository }, Policy);

        Assert.Equal(expected, Describe(result));
    }

    [Theory]
    [InlineData(@"Shop\Onboarding", "no-stage:info")]
    [InlineData(@"shop\onboarding\Team A", "no-stage:info")]
    [InlineData(@"Shop\Onboarding\Pricing", "no-component:block")]
    [InlineData(@"Shop\Onboarding\Pricing\Rules", "no-component:block")]
    [InlineData(@"Shop\Onboarding\Pricing\Legacy", "no-component:block")]
    [InlineData(@"Shop\Onboarding/Pricing", "no-stage:info")]
    [InlineData(@"Shop\OnboardingX", "no-component:warn,no-outcome:warn,no-stage:warn")]
    [InlineData(@"Shop", "no-component:warn,no-outcome:warn,no-stage:warn")]
    public void Evaluate_AzureDevOpsItem_MostSpecificAreaPathScopeWins(string areaPath, string expected)
    {
        var result = EvaluateOne(Boards("1", ItemKind.Story, "Plain text.", scope: areaPath), Policy);

        Assert.Equal(expected, Describe(result));
    }

    [Fact]
    public void Evaluate_GitHubItemWhoseRepositoryLooksLikeAnAreaPath_NoAreaPathScopeApplies()
    {
        var result = EvaluateOne(Story("1", "Plain text.") with { Scope = "acme/web" }, Policy);

        Assert.Equal("no-component:warn,no-outcome:warn,no-stage:warn", Describe(result));
    }

    [Fact]
    public void Evaluate_AzureDevOpsItemWhoseAreaPathLooksLikeARepository_NoRepositoryScopeApplies()
    {
        var result = EvaluateOne(Boards("1", ItemKind.Story, "Plain text.", scope: "acme/shop"), Policy);

        Assert.Equal("no-component:warn,no-outcome:warn,no-stage:warn", Describe(result));
    }

    [Fact]
    public void Evaluate_ScopeWithoutARuleForTheKind_FallsBackToThePolicysRule()
    {
        var result = EvaluateOne(Boards("1", ItemKind.Epic, "Plain text.", scope: @"Shop\Onboarding\Pricing"), Policy);

        Assert.Equal("no-outcome:warn", Describe(result));
    }

    [Fact]
    public void Evaluate_KindWithoutAnyRule_UsesTheBuiltInDefault()
    {
        var result = EvaluateOne(Boards("1", ItemKind.Feature, "Plain text.", scope: "Elsewhere"), Policy);

        Assert.Equal("no-outcome:warn,no-stage:warn", Describe(result));
    }

    private static string Describe(ItemEvaluation result) =>
        string.Join(",", result.Gaps.Select(g => $"{g.Code}:{g.Severity.ToString().ToLowerInvariant()}"));
}
