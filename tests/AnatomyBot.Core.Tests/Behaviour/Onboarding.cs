using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Behaviour;

/// <summary>A small anatomy written as a user writes it (YAML, read by the parser), with an optional <c>policy</c>
/// section, and item builders. The behaviour tests use only the engine's public surface, so they hold whatever the
/// engine's insides look like.</summary>
internal static class Onboarding
{
    private const string Elements = """
        version: 1
        outcomes:
          - id: O-FAST-ACTIVATION
            name: Faster activation
            metric: Median working days from lead to activation
            target: "<= 5"
          - id: O-FEWER-PRICING-ERRORS
            name: Fewer pricing errors
            metric: Share of quotes corrected after sending
            target: "< 2%"
        valueStreams:
          - id: VS-ONBOARDING
            name: Customer onboarding
            outcomes: [O-FAST-ACTIVATION]
            stages:
              - id: ST-QUALIFY
                name: Qualify the customer
                logic: [LG-KYC]
              - id: ST-PRICE
                name: Price the offer
                outcomes: [O-FEWER-PRICING-ERRORS]
                logic: [LG-PRICING]
              - id: ST-ACTIVATE
                name: Activate the account
        logic:
          - id: LG-KYC
            name: Know your customer check
            kind: rule
            description: Identity verification with the bureau
            components: [C-KYC-SERVICE]
          - id: LG-PRICING
            name: Pricing rules
            kind: rule
            description: Discount limits and price calculation
            components: [C-PRICING-RULES]
        components:
          - id: C-KYC-SERVICE
            name: Identity verification service
            kind: integration
            description: Calls the identity verification provider
            spec: docs/kyc.md
          - id: C-PRICING-RULES
            name: Pricing rule engine
            kind: rule
            description: Discount limit tables and price calculation
            spec: docs/pricing.md
          - id: C-AUDIT-LOG
            name: Audit log
            kind: audit
            description: Who changed what and when
            spec: docs/audit.md

        """;

    public static EnterpriseAnatomy Anatomy(string policy = "")
    {
        var parsed = AnatomyParser.Parse(Elements + policy);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors.Select(e => e.Message)));
        return parsed.Anatomy!;
    }

    public static IReadOnlyList<ItemEvaluation> Evaluate(string policy, params WorkItem[] items) =>
        new LinkageEngine(Anatomy(policy)).Evaluate(items);

    public static ItemEvaluation EvaluateOne(WorkItem item, string policy = "") => Evaluate(policy, item)[0];

    public static WorkItem Story(string id, string body = "", string title = "A story") => new()
    {
        Id = id,
        Source = ItemSource.GitHub,
        Kind = ItemKind.Story,
        Title = title,
        Body = body,
        Scope = "acme/shop",
    };

    public static WorkItem PullRequest(string id, string body = "", params string[] linked) => new()
    {
        Id = id,
        Source = ItemSource.GitHub,
        Kind = ItemKind.PullRequest,
        Title = "A change",
        Body = body,
        Author = "alice",
        LinkedItemIds = linked,
        Scope = "acme/shop",
    };

    public static WorkItem Boards(string id, ItemKind kind, string body = "", string? parent = null, string scope = @"Shop\Onboarding") => new()
    {
        Id = id,
        Source = ItemSource.AzureDevOps,
        Kind = kind,
        Title = "Work " + id,
        Body = body,
        ParentId = parent,
        Scope = scope,
    };

    public static IReadOnlyList<string> Codes(ItemEvaluation evaluation) => [.. evaluation.Gaps.Select(g => g.Code)];
}
