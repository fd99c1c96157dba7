using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

/// <summary>Which rule an item takes (<see cref="PolicyResolver"/>), at the edges the scope tests leave open: an item
/// without a scope, scopes written with separators around them, a policy whose rules leave out a kind, and which items
/// carry value-stream candidates at all. Each test builds its own engine, so nothing one resolver caches hides another's
/// answer.</summary>
public sealed class PolicyResolverTests
{
    private static readonly PolicyRule Component = new([LinkRequirement.Component], GapSeverity.Block);

    [Fact]
    public void Resolve_AzureDevOpsItemWithoutAreaPath_TakesTheFileWideRule()
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Outcome], GapSeverity.Info) },
            Scopes = [new PolicyScope { AreaPath = "Shop", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });

        var result = EvaluateOne(Ado("1", ItemKind.Story) with { Scope = null }, anatomy);

        Assert.Equal([GapCodes.NoOutcome], Codes(result));
        Assert.Equal(GapSeverity.Info, result.Verdict);
    }

    [Theory]
    [InlineData("/acme/shop/")]
    [InlineData("acme/shop/")]
    [InlineData("/ACME/shop")]
    public void Resolve_RepositoryScopeWrittenWithSlashesAround_MatchesTheRepository(string written)
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Scopes = [new PolicyScope { Repository = written, Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });

        Assert.Equal([GapCodes.NoComponent], Codes(EvaluateOne(Story("acme/shop#1"), anatomy)));
        Assert.Equal(3, EvaluateOne(Story("acme/web#1") with { Scope = "acme/web" }, anatomy).Gaps.Count);
    }

    [Theory]
    [InlineData(@"Shop\Onboarding\", @"Shop\Onboarding", true)]
    [InlineData(@"Shop\Onboarding\", @"Shop\Onboarding\Team A", true)]
    [InlineData("Shop/Onboarding/", "Shop/Onboarding/Team A", true)]
    [InlineData(@"Shop\Onboarding", @"Shop\Onboarding/Team A", true)]
    [InlineData(@"Shop\Onboarding\", @"Shop\OnboardingLegacy", false)]
    [InlineData(@"Shop\Onboarding", @"Bank\Shop\Onboarding", false)]
    [InlineData(@"Shop\Onboarding", "Shop", false)]
    public void Resolve_AreaPathScope_MatchesThePathAndBelowWhateverTheSeparators(string written, string areaPath, bool matches)
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Outcome], GapSeverity.Info) },
            Scopes = [new PolicyScope { AreaPath = written, Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });

        var codes = Codes(EvaluateOne(Ado("1", ItemKind.Story) with { Scope = areaPath }, anatomy));

        string[] expected = matches ? [GapCodes.NoComponent] : [GapCodes.NoOutcome];
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void Resolve_PolicyRulesLeavingOutAKind_GiveThatKindTheBuiltInDefault()
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component },
        });

        var epic = EvaluateOne(Story("acme/shop#1") with { Kind = ItemKind.Epic }, anatomy);

        Assert.Equal([GapCodes.NoOutcome], Codes(epic));
        Assert.Equal(AnatomyPolicy.Defaults[ItemKind.Epic].Severity, epic.Verdict);
    }

    [Fact]
    public void Resolve_NoValueStreamScopeHasARuleForTheKind_NoCandidatesToWaitFor()
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Scopes = [new PolicyScope { ValueStream = "VS-ONBOARDING", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });
        var resolver = new PolicyResolver(anatomy.Policy, new AnatomyIndex(anatomy));

        var epic = resolver.Resolve(Draft(ItemKind.Epic));
        var story = resolver.Resolve(Draft(ItemKind.Story));

        Assert.Null(epic.ByValueStream);
        Assert.Equal(AnatomyPolicy.Defaults[ItemKind.Epic], epic.Rule);
        var candidate = Assert.Single(story.ByValueStream!);
        Assert.Same(Component, candidate.Rule);
    }

    [Fact]
    public void Resolve_ValueStreamScope_ItsStagesAndOnlyThoseTakeItsRule()
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Scopes = [new PolicyScope { ValueStream = "vs-onboarding", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });
        var index = new AnatomyIndex(anatomy);

        var stages = Assert.Single(new PolicyResolver(anatomy.Policy, index).Resolve(Draft(ItemKind.Story)).ByValueStream!).Stages;

        var marked = index.Elements.Where((_, i) => stages[i]).Select(e => e.Id).Order();
        Assert.Equal(["S-ACTIVATE", "S-APPLY", "S-PRICE"], marked);
    }

    [Fact]
    public void Evaluate_ValueStreamScopeNamingAStreamWithoutStages_NeverTakesOver()
    {
        var anatomy = Create(new AnatomyPolicy
        {
            Scopes = [new PolicyScope { ValueStream = "VS-NONE", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = Component } }],
        });

        var result = EvaluateOne(Story("acme/shop#1", "Outcome: O-FASTER-ONBOARDING\nStage: S-APPLY"), anatomy);

        Assert.Equal([GapCodes.NoComponent], Codes(result));
        Assert.Equal(AnatomyPolicy.Defaults[ItemKind.Story].Severity, result.Verdict);
    }

    private static WorkItemDraft Draft(ItemKind kind) => new() { Id = "1", Source = ItemSource.GitHub, Kind = kind, Scope = "acme/shop" };
}
