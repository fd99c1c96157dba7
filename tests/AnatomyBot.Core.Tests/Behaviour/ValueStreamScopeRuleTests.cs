using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary><c>policy.scopes[].valueStream</c>: an item whose trace holds a stage of the value stream takes the scope's
/// rule; a repository or area path scope with a rule for the kind still wins; the first value-stream scope in the file
/// wins among several. Seen through the gaps <see cref="ILinkageEngine.Evaluate"/> gives.</summary>
public sealed class ValueStreamScopeRuleTests
{
    private const string Yaml = """
        version: 1
        outcomes:
          - { id: O-GROWTH, name: Growth }
          - { id: O-SAFE, name: Safe payments }
        valueStreams:
          - id: VS-SALES
            name: Sales
            outcomes: [O-GROWTH]
            stages:
              - { id: ST-QUOTE, name: Quote the offer, logic: [LG-QUOTE] }
          - id: VS-PAY
            name: Payments
            outcomes: [O-SAFE]
            stages:
              - { id: ST-AUTHORISE, name: Authorise the payment, logic: [LG-FRAUD] }
              - { id: ST-SETTLE, name: Settle the payment }
        logic:
          - { id: LG-QUOTE, name: Quote rules, kind: rule, components: [C-QUOTE] }
          - { id: LG-FRAUD, name: Fraud screening rules, kind: rule, components: [C-FRAUD] }
        components:
          - { id: C-QUOTE, name: Quote engine, kind: rule, paths: ["src/quote/**"] }
          - { id: C-FRAUD, name: Fraud screening service, kind: integration, paths: ["src/fraud/**"] }
        policy:
          rules:
            story: { require: [outcome, stage], severity: warn }
            pull-request: { require: [outcome], severity: warn }
          scopes:
            - valueStream: vs-pay
              rules:
                story: { require: [outcome, stage, logic, component], severity: block }
                pull-request: { require: [work-item, outcome], severity: block }
            - valueStream: VS-SALES
              rules:
                story: { require: [component], severity: info }
            - repository: acme/payments
              rules:
                pull-request: { require: [outcome], severity: info }
            - areaPath: 'Bank\Payments'
              rules:
                story: { require: [outcome], severity: info }
        """;

    // An engine per test, not one shared: the engine caches each item identity's rule, so a shared one would answer
    // later tests from what the first computed, and a mutation of the rule lookup would go unnoticed.
    private readonly LinkageEngine _engine = CreateEngine();

    [Fact]
    public void Parse_ValueStreamScope_KeepsTheDeclaredSpellingOfTheId()
    {
        var scopes = AnatomyParser.Parse(Yaml).Anatomy!.Policy.Scopes;

        Assert.Equal(["VS-PAY", "VS-SALES", null, null], scopes.Select(s => s.ValueStream));
    }

    [Fact]
    public void Evaluate_StoryNamingAStageOfTheValueStream_TakesTheValueStreamRule()
    {
        var result = One(Story("acme/shop#1", "Stage: ST-SETTLE"));

        Assert.Equal("no-component:block,no-logic:block", Describe(result));
    }

    [Fact]
    public void Evaluate_StoryOnNoStageOfAScopedValueStream_TakesTheFileWideRule()
    {
        var result = One(Story("acme/shop#1", "Outcome: O-SAFE"));

        Assert.Equal("no-stage:warn", Describe(result));
    }

    [Fact]
    public void Evaluate_StoryPlacedThroughItsParent_TakesTheValueStreamRuleOfTheInheritedStage()
    {
        var parent = Story("acme/shop#1", "Stage: ST-AUTHORISE") with { Kind = ItemKind.Feature };
        var child = Story("acme/shop#2", "Parent: #1");

        var result = _engine.Evaluate([parent, child])[1];

        Assert.Equal("no-component:block,no-logic:block", Describe(result));
    }

    [Fact]
    public void Evaluate_PullRequestTouchingAComponentOfTheValueStream_IsPlacedByWhatTheAnatomyImplies()
    {
        var pr = PullRequest("acme/shop#9", "A change") with { ChangedPaths = ["src/fraud/screen.cs"] };

        var result = One(pr);

        Assert.Equal("no-work-item:block", Describe(result));
    }

    [Fact]
    public void Evaluate_RepositoryScopeWithARuleForTheKind_BeatsTheValueStreamScope()
    {
        var pr = PullRequest("acme/payments#9", "A change") with { ChangedPaths = ["src/fraud/screen.cs"], Scope = "acme/payments" };

        var result = One(pr);

        Assert.Equal("", Describe(result));
    }

    [Fact]
    public void Evaluate_RepositoryScopeWithoutARuleForTheKind_LeavesTheValueStreamScopeInForce()
    {
        var story = Story("acme/payments#1", "Stage: ST-SETTLE") with { Scope = "acme/payments" };

        var result = One(story);

        Assert.Equal("no-component:block,no-logic:block", Describe(result));
    }

    [Fact]
    public void Evaluate_AreaPathScopeWithARuleForTheKind_BeatsTheValueStreamScope()
    {
        var story = Boards("7", "Stage: ST-SETTLE", @"Bank\Payments\Cards");

        var result = One(story);

        Assert.Equal("", Describe(result));
    }

    [Fact]
    public void Evaluate_AzureDevOpsItemOutsideTheAreaPath_TakesTheValueStreamRule()
    {
        var story = Boards("7", "Stage: ST-SETTLE", @"Bank\Lending");

        var result = One(story);

        Assert.Equal("no-component:block,no-logic:block", Describe(result));
    }

    [Fact]
    public void Evaluate_ItemOnStagesOfTwoScopedValueStreams_TakesTheScopeListedFirst()
    {
        var result = One(Story("acme/shop#1", "Stage: ST-QUOTE\nStage: ST-SETTLE"));

        Assert.Equal("no-component:block,no-logic:block", Describe(result));
    }

    [Fact]
    public void Evaluate_ItemWhoseOwnLinksMeetTheFileWideRuleButNotTheValueStreams_StillGetsSuggestions()
    {
        var story = Story("acme/shop#1", "Outcome: O-SAFE\nStage: ST-AUTHORISE") with { Title = "Screen card payments for fraud" };

        var result = One(story);

        var gap = Assert.Single(result.Gaps, g => g.Code == GapCodes.NoComponent);
        Assert.Equal("C-FRAUD", gap.Suggestions[0].Id);
    }

    [Fact]
    public void Evaluate_ItemMissingALinkUnderEveryPossibleRule_GetsSuggestionsRankedByItsText()
    {
        var story = Story("acme/shop#1", "Outcome: O-SAFE") with { Title = "Authorise the card payment" };

        var result = One(story);

        var gap = Assert.Single(result.Gaps);
        Assert.Equal((GapCodes.NoStage, GapSeverity.Warn), (gap.Code, gap.Severity));
        Assert.Equal("ST-AUTHORISE", gap.Suggestions[0].Id);
        Assert.True(gap.FirstLeads);
        Assert.Contains("ST-AUTHORISE", gap.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ItemMeetingEveryPossibleRuleByItsOwnLinks_HasNoGap()
    {
        var story = Story("acme/shop#1", "Outcome: O-SAFE\nStage: ST-AUTHORISE\nLogic: LG-FRAUD\nComponent: C-FRAUD") with { Title = "Screen card payments for fraud" };

        Assert.Equal("", Describe(One(story)));
    }

    /// <summary>Ranking terms are read from the body only for an item that may end with a gap under one of the rules it may
    /// take (the file-wide rule or a value-stream scope's): what it gets otherwise is the same, read for nothing.</summary>
    [Fact]
    public void Prepare_UnderValueStreamScopes_TermsReadOnlyWhenSomePossibleRuleMissesALink()
    {
        var scratch = _engine.Scratch.Rent();
        var meetsEvery = Prepare(Story("acme/shop#1", "Outcome: O-SAFE\nStage: ST-AUTHORISE\nLogic: LG-FRAUD\nComponent: C-FRAUD\n\nfraud screening"));
        var missesUnderEvery = Prepare(Story("acme/shop#2", "Outcome: O-SAFE\n\nfraud screening"));
        var missesUnderAScope = Prepare(Story("acme/shop#3", "Outcome: O-SAFE\nStage: ST-AUTHORISE\n\nfraud screening"));

        Assert.Equal(0, meetsEvery.Terms.Length);
        Assert.NotEqual(0, missesUnderEvery.Terms.Length);
        Assert.NotEqual(0, missesUnderAScope.Terms.Length);

        PreparedItem Prepare(WorkItem item) => _engine.Prepare(scratch.Draft.From(item), item.Body, scratch);
    }

    private static LinkageEngine CreateEngine()
    {
        var parsed = AnatomyParser.Parse(Yaml);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        return new LinkageEngine(parsed.Anatomy!);
    }

    private ItemEvaluation One(WorkItem item) => _engine.Evaluate([item])[0];

    private static WorkItem Story(string id, string body) => new()
    {
        Id = id, Source = ItemSource.GitHub, Kind = ItemKind.Story, Title = "A story", Body = body, Scope = "acme/shop",
    };

    private static WorkItem PullRequest(string id, string body) => new()
    {
        Id = id, Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "A change", Body = body, Author = "alice", Scope = "acme/shop",
    };

    private static WorkItem Boards(string id, string body, string areaPath) => new()
    {
        Id = id, Source = ItemSource.AzureDevOps, Kind = ItemKind.Story, Title = "Work " + id, Body = body, Scope = areaPath,
    };

    private static string Describe(ItemEvaluation result) =>
        string.Join(",", result.Gaps.Select(g => $"{g.Code}:{g.Severity.ToString().ToLowerInvariant()}"));
}
