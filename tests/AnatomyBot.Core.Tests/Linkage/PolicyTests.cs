using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class PolicyTests
{
    [Theory]
    [InlineData(ItemKind.Epic, new[] { GapCodes.NoOutcome }, GapSeverity.Warn)]
    [InlineData(ItemKind.Feature, new[] { GapCodes.NoOutcome, GapCodes.NoStage }, GapSeverity.Warn)]
    [InlineData(ItemKind.Story, new[] { GapCodes.NoComponent, GapCodes.NoOutcome, GapCodes.NoStage }, GapSeverity.Warn)]
    [InlineData(ItemKind.PullRequest, new[] { GapCodes.NoComponent, GapCodes.NoOutcome, GapCodes.NoWorkItem }, GapSeverity.Block)]
    public void DefaultPolicy_RequiredLinksPerKind(ItemKind kind, string[] codes, GapSeverity severity)
    {
        var result = EvaluateOne(Story("acme/shop#1") with { Kind = kind, Author = "alice" });

        Assert.Equal(codes, Codes(result));
        Assert.All(result.Gaps, g => Assert.Equal(severity, g.Severity));
        Assert.Equal(severity, result.Verdict);
    }

    [Fact]
    public void DefaultPolicy_OtherKinds_HaveNoGaps()
    {
        Assert.Empty(EvaluateOne(Ado("1", ItemKind.Other)).Gaps);
    }

    [Fact]
    public void RepositoryScope_OverridesKindRule_CaseInsensitive_OtherKindsFallBack()
    {
        var policy = new AnatomyPolicy
        {
            Scopes =
            [
                new PolicyScope { Repository = "ACME/Shop", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Logic], GapSeverity.Block) } },
                new PolicyScope { Repository = "acme/other", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Epic] = new([], GapSeverity.Info) } },
            ],
        };
        var anatomy = Create(policy);

        var story = EvaluateOne(Story("acme/shop#1"), anatomy);
        var epic = EvaluateOne(Story("acme/shop#2") with { Kind = ItemKind.Epic }, anatomy);
        var elsewhere = EvaluateOne(Story("acme/web#1") with { Scope = "acme/web" }, anatomy);

        Assert.Equal([GapCodes.NoLogic], Codes(story));
        Assert.Equal(GapSeverity.Block, story.Gaps[0].Severity);
        Assert.Equal([GapCodes.NoOutcome], Codes(epic));
        Assert.Equal(3, elsewhere.Gaps.Count);
    }

    [Fact]
    public void AreaPathScope_MostSpecificPrefixWins_SegmentAware()
    {
        var policy = new AnatomyPolicy
        {
            Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Outcome], GapSeverity.Info) },
            Scopes =
            [
                new PolicyScope { AreaPath = @"Shop", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Stage], GapSeverity.Warn) } },
                new PolicyScope { AreaPath = @"Shop\Onboarding", Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Component], GapSeverity.Block) } },
            ],
        };
        var anatomy = Create(policy);

        Assert.Equal([GapCodes.NoComponent], Codes(EvaluateOne(Ado("1", ItemKind.Story) with { Scope = @"shop\onboarding\Team A" }, anatomy)));
        Assert.Equal([GapCodes.NoStage], Codes(EvaluateOne(Ado("2", ItemKind.Story) with { Scope = @"Shop\OnboardingLegacy" }, anatomy)));
        Assert.Equal([GapCodes.NoOutcome], Codes(EvaluateOne(Ado("3", ItemKind.Story) with { Scope = "Bank" }, anatomy)));
        Assert.Equal(GapSeverity.Info, EvaluateOne(Ado("3", ItemKind.Story) with { Scope = "Bank" }, anatomy).Verdict);
        Assert.Equal([GapCodes.NoOutcome], Codes(EvaluateOne(Ado("4", ItemKind.Epic) with { Scope = @"Shop\Onboarding" }, anatomy)));
    }

    [Fact]
    public void ExemptLabel_RemovesGaps_KeepsTrace()
    {
        var result = EvaluateOne(Story("acme/shop#1", "Stage: S-APPLY", "Anatomy:Exempt"));

        Assert.True(result.IsExempt);
        Assert.Empty(result.Gaps);
        Assert.Equal(["S-APPLY"], result.Trace.Stages);
        Assert.Null(result.Verdict);
    }

    [Theory]
    [InlineData("dependabot[bot]", true)]
    [InlineData("Renovate[BOT]", true)]
    [InlineData("bot-lover", false)]
    [InlineData(null, false)]
    public void BotAuthors_ExemptPullRequestsOnly(string? author, bool exempt)
    {
        Assert.Equal(exempt, EvaluateOne(Pr("acme/shop#1", author: author)).IsExempt);
        Assert.False(EvaluateOne(Story("acme/shop#2") with { Author = author }).IsExempt);
    }

    [Fact]
    public void CustomExemptAuthorPattern_WithQuestionMark()
    {
        var anatomy = Create(new AnatomyPolicy { ExemptAuthors = ["release-bot-?"] });

        Assert.True(EvaluateOne(Pr("acme/shop#1", author: "release-bot-7"), anatomy).IsExempt);
        Assert.False(EvaluateOne(Pr("acme/shop#1", author: "dependabot[bot]"), anatomy).IsExempt);
    }
}
