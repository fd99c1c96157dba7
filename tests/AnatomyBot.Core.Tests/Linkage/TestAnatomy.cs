using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Linkage;

/// <summary>A small onboarding anatomy built in code, and item builders.</summary>
internal static class TestAnatomy
{
    public static EnterpriseAnatomy Create(AnatomyPolicy? policy = null) => new(
        [
            new Outcome { Id = "O-FASTER-ONBOARDING", Name = "Faster customer onboarding", Description = "Reduce the time from application to an active account", Aliases = ["time to yes"] },
            new Outcome { Id = "O-FEWER-PRICING-ERRORS", Name = "Fewer pricing errors", Description = "Quotes are priced right the first time", Aliases = ["quote accuracy"] },
            new Outcome { Id = "O-UNUSED", Name = "Lower cost to serve", Description = "Cheaper support operations" },
        ],
        [
            new ValueStream
            {
                Id = "VS-ONBOARDING",
                Name = "Customer onboarding",
                Outcomes = ["O-FASTER-ONBOARDING"],
                Stages =
                [
                    new Stage { Id = "S-APPLY", Name = "Apply", ValueStreamId = "VS-ONBOARDING", Order = 0, Description = "Customer submits an application form", Logic = ["L-KYC-CHECK"] },
                    new Stage { Id = "S-PRICE", Name = "Price the offer", ValueStreamId = "VS-ONBOARDING", Order = 1, Description = "Quote pricing and discounts", Outcomes = ["O-FEWER-PRICING-ERRORS"], Logic = ["L-PRICING"] },
                    new Stage { Id = "S-ACTIVATE", Name = "Activate account", ValueStreamId = "VS-ONBOARDING", Order = 2, Description = "Open the account and send the welcome email" },
                ],
            },
        ],
        [
            new LogicElement { Id = "L-KYC-CHECK", Name = "Know your customer check", Kind = LogicKind.Rule, Description = "Identity verification rules", Components = ["C-KYC-SERVICE"] },
            new LogicElement { Id = "L-PRICING", Name = "Pricing rules", Kind = LogicKind.Rule, Description = "Discount and price calculation", Components = ["C-PRICING-RULES"] },
        ],
        [
            new Component { Id = "C-KYC-SERVICE", Name = "KYC service", Kind = ComponentKind.Integration, Description = "Calls the identity verification provider", Paths = ["/services/kyc/"] },
            new Component { Id = "C-PRICING-RULES", Name = "Pricing rule engine", Kind = ComponentKind.Rule, Description = "Price and discount rule tables", Paths = ["src/pricing/**/*.cs", "*.rules"] },
            new Component { Id = "C-AUDIT-LOG", Name = "Audit log", Kind = ComponentKind.Audit, Description = "Who changed what and when" },
        ],
        policy);

    public static WorkItem Story(string id, string body = "", params string[] labels) => new()
    {
        Id = id,
        Source = ItemSource.GitHub,
        Kind = ItemKind.Story,
        Title = "Story " + id,
        Body = body,
        Labels = labels,
        Scope = "acme/shop",
    };

    public static WorkItem Ado(string id, ItemKind kind, string html = "", string? parent = null, string title = "Work") => new()
    {
        Id = id,
        Source = ItemSource.AzureDevOps,
        Kind = kind,
        Title = title,
        Body = html,
        BodyFormat = BodyFormat.Html,
        ParentId = parent,
        Scope = @"Shop\Onboarding",
    };

    public static WorkItem Pr(string id, string body = "", string? author = "alice") => new()
    {
        Id = id,
        Source = ItemSource.GitHub,
        Kind = ItemKind.PullRequest,
        Title = "Change " + id,
        Body = body,
        Author = author,
        Scope = "acme/shop",
    };

    public static ItemEvaluation EvaluateOne(WorkItem item, EnterpriseAnatomy? anatomy = null)
        => new LinkageEngine(anatomy ?? Create()).Evaluate([item])[0];

    public static IReadOnlyList<string> Codes(ItemEvaluation evaluation) => [.. evaluation.Gaps.Select(g => g.Code)];
}
