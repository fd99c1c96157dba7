using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>An onboarding anatomy and hand-built evaluations (independent of the linkage engine).</summary>
internal static class ReconcileFixtures
{
    public static EnterpriseAnatomy Anatomy { get; } = BuildAnatomy();

    /// <summary>The onboarding anatomy with 3,000 more components (<c>c-generated-0001</c>…), the trace of
    /// <see cref="HugePullRequest"/>.</summary>
    public static EnterpriseAnatomy HugeAnatomy { get; } = new(
        Anatomy.Outcomes,
        Anatomy.ValueStreams,
        Anatomy.Logic,
        [.. Anatomy.Components, .. Enumerable.Range(1, 3_000).Select(i => new Component { Id = $"c-generated-{i:D4}", Name = $"Generated component {i}", Kind = ComponentKind.Data })]);

    public static ItemEvaluation BlockedPullRequest() => Pr(
        ItemSource.GitHub,
        "acme/onboarding#45",
        "Add passport <script>alert(1)</script> upload for @octocat | *fast* track",
        Layer.Stage,
        new Trace(["o-fast-onboarding"], ["s-verify"], [], []),
        [
            new Gap(GapCodes.NoComponent, GapSeverity.Block, "The pull request changes no file of a component and names none.",
                "Add `Component: c-kyc-service` to the description, or change files under a component's paths.",
                [new Suggestion("c-kyc-service", 0.82), new Suggestion("c-id-scan-ui", 0.41)]) { FirstLeads = true },
            new Gap(GapCodes.NoWorkItem, GapSeverity.Block, "No issue or work item is linked.",
                "Link the story this implements: `Closes #12` or `AB#1207`.", []),
            new Gap(GapCodes.UnknownRef, GapSeverity.Warn, "`s-verfy` is not in the anatomy.",
                "Fix the id; did you mean one of the suggestions?", [new Suggestion("s-verify", 0.9)]) { FirstLeads = true, Reference = "s-verfy" },
        ]);

    public static ItemEvaluation WarningsPullRequest() => Pr(
        ItemSource.AzureDevOps,
        "42",
        "KYC: retry document check on timeout",
        Layer.Component,
        new Trace(["o-fast-onboarding"], [], ["l-kyc-rule"], ["c-kyc-service"]),
        [
            new Gap(GapCodes.NoStage, GapSeverity.Warn, "No value-stream stage is linked.",
                "Add `Stage: s-verify` to the work item or its parent feature.", [new Suggestion("s-verify", 0.77), new Suggestion("s-apply", 0.2)]) { FirstLeads = true },
        ]) with { LinkedItems = ["1311", "1207"] };

    public static ItemEvaluation GreenPullRequest() => Pr(
        ItemSource.GitHub,
        "acme/onboarding#46",
        "Show ID scan progress",
        Layer.Component,
        new Trace(["o-fast-onboarding"], ["s-verify"], ["l-id-scanned", "l-kyc-rule"], ["c-id-scan-ui", "c-kyc-service", "c-audit-log"]),
        []) with { LinkedItems = ["acme/onboarding#12", "1207"] };

    public static ItemEvaluation ExemptPullRequest() => Pr(
        ItemSource.GitHub,
        "acme/onboarding#47",
        "Bump YamlDotNet from 16.2.0 to 16.3.0",
        Layer.Unmapped,
        Trace.Empty,
        []) with { ExemptReason = "author dependabot[bot] matches `*[bot]`" };

    public static ItemEvaluation HugePullRequest(int components = 400) => Pr(
        ItemSource.GitHub,
        "acme/onboarding#48",
        "Rename the customer id everywhere",
        Layer.Component,
        new Trace(["o-fast-onboarding"], ["s-verify"], ["l-kyc-rule"], [.. Enumerable.Range(1, components).Select(i => $"c-generated-{i:D4}")]),
        [
            new Gap(GapCodes.NoWorkItem, GapSeverity.Block, "No issue or work item is linked.", "Link the story this implements.", []),
            .. Enumerable.Range(1, 40).Select(i => new Gap(GapCodes.UnknownRef, GapSeverity.Warn,
                $"`x-unknown-{i:D2}` is not in the anatomy.", "Fix the id.", [new Suggestion(i % 8 == 0 ? "c-audit-log" : "c-kyc-service", 0.5)])
            {
                FirstLeads = true,
                Reference = $"x-unknown-{i:D2}",
            }),
        ]);

    /// <summary>A GitHub pull request that names nothing itself and links a story of its repository, which reaches
    /// logic but names no component: evaluated by the real engine.</summary>
    public static ItemEvaluation PullRequestLinkedThroughWorkItem()
    {
        var pr = new WorkItem
        {
            Id = "acme/onboarding#49",
            Source = ItemSource.GitHub,
            Kind = ItemKind.PullRequest,
            Title = "Send reminders for missing documents",
            Body = "Closes #12",
            Scope = "acme/onboarding",
            ChangedPaths = ["src/Reminders/Scheduler.cs"],
        };
        var story = new WorkItem
        {
            Id = "acme/onboarding#12",
            Source = ItemSource.GitHub,
            Kind = ItemKind.Story,
            Title = "Remind applicants of missing KYC documents",
            Body = "Logic: l-kyc-rule\nThe KYC document check asks for what is missing.",
            Scope = "acme/onboarding",
        };
        return new LinkageEngine(Anatomy).Evaluate([pr, story])[0];
    }

    /// <summary>A GitHub pull request linking an Azure Boards story (<c>AB#1207</c>) that names its component: green,
    /// evaluated by the real engine.</summary>
    public static ItemEvaluation PullRequestThroughAzureBoards()
    {
        var pr = new WorkItem
        {
            Id = "acme/onboarding#51",
            Source = ItemSource.GitHub,
            Kind = ItemKind.PullRequest,
            Title = "Scan the ID before the KYC check",
            Body = "Implements AB#1207",
            Scope = "acme/onboarding",
        };
        var story = new WorkItem
        {
            Id = "1207",
            Source = ItemSource.AzureDevOps,
            Kind = ItemKind.Story,
            Title = "Verify passport",
            Body = "<p>Component: c-id-scan-ui</p>",
            BodyFormat = BodyFormat.Html,
            Scope = "Onboarding\\KYC",
        };
        return new LinkageEngine(Anatomy).Evaluate([pr, story])[0];
    }

    public static ItemEvaluation Story(params Gap[] gaps) => new()
    {
        Item = new WorkItem { Id = "1207", Source = ItemSource.AzureDevOps, Kind = ItemKind.Story, Title = "Verify passport" },
        Layer = Layer.Stage,
        Trace = new Trace(["o-fast-onboarding"], ["s-verify"], [], []),
        Gaps = gaps,
    };

    private static ItemEvaluation Pr(ItemSource source, string id, string title, Layer layer, Trace trace, IReadOnlyList<Gap> gaps) => new()
    {
        Item = new WorkItem { Id = id, Source = source, Kind = ItemKind.PullRequest, Title = title },
        Layer = layer,
        Trace = trace,
        Gaps = gaps,
    };

    private static EnterpriseAnatomy BuildAnatomy()
    {
        Stage[] stages =
        [
            new() { Id = "s-apply", Name = "Apply", ValueStreamId = "vs-onboarding", Order = 0 },
            new() { Id = "s-verify", Name = "Verify identity", ValueStreamId = "vs-onboarding", Order = 1, Logic = ["l-kyc-rule", "l-id-scanned"] },
            new() { Id = "s-activate", Name = "Activate account", ValueStreamId = "vs-onboarding", Order = 2 },
        ];
        return new EnterpriseAnatomy(
            [new Outcome { Id = "o-fast-onboarding", Name = "Onboard customers in one day", Metric = "median time from application to first transaction", Target = "≤ 1 day" }],
            [new ValueStream { Id = "vs-onboarding", Name = "Customer onboarding", Outcomes = ["o-fast-onboarding"], Stages = stages }],
            [
                new LogicElement { Id = "l-kyc-rule", Name = "KYC document check", Kind = LogicKind.Rule, Components = ["c-kyc-service"] },
                new LogicElement { Id = "l-id-scanned", Name = "ID scanned", Kind = LogicKind.Event, Components = ["c-id-scan-ui"] },
            ],
            [
                new Component { Id = "c-kyc-service", Name = "KYC service", Kind = ComponentKind.Workflow, Spec = "docs/specs/kyc-service.md" },
                new Component { Id = "c-id-scan-ui", Name = "ID scan screen", Kind = ComponentKind.Ui, Spec = "https://specs.example.com/id-scan" },
                new Component { Id = "c-audit-log", Name = "Audit log", Kind = ComponentKind.Audit },
            ]);
    }
}
