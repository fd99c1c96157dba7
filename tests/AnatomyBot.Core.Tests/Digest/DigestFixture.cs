using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>A fixed anatomy and ledger for week 2026-W48 (Monday 23 to Sunday 29 November 2026).</summary>
internal static class DigestFixture
{
    public static readonly IsoWeek Week = new(2026, 48);

    public static EnterpriseAnatomy Anatomy { get; } = new(
        [
            new Outcome { Id = "O-FAST", Name = "Faster onboarding", Metric = "days to first value", Target = "5 days" },
            new Outcome { Id = "O-CSAT", Name = "Customer satisfaction", Metric = "CSAT", Target = "4.5" },
        ],
        [
            new ValueStream
            {
                Id = "VS-ONB", Name = "Customer onboarding", Outcomes = ["O-FAST"],
                Stages =
                [
                    new Stage { Id = "ST-APPLY", Name = "Apply", ValueStreamId = "VS-ONB", Order = 0, Logic = ["L-ELIG"] },
                    new Stage { Id = "ST-VERIFY", Name = "Verify identity", ValueStreamId = "VS-ONB", Order = 1 },
                    new Stage { Id = "ST-ACTIVATE", Name = "Activate", ValueStreamId = "VS-ONB", Order = 2, Logic = ["L-ACT"] },
                ],
            },
            new ValueStream
            {
                Id = "VS-SUP", Name = "Support",
                Stages =
                [
                    new Stage { Id = "ST-TRIAGE", Name = "Triage", ValueStreamId = "VS-SUP", Order = 0 },
                    new Stage { Id = "ST-RESOLVE", Name = "Resolve", ValueStreamId = "VS-SUP", Order = 1 },
                ],
            },
        ],
        [
            new LogicElement { Id = "L-ELIG", Name = "Eligibility rules", Kind = LogicKind.Rule, Components = ["C-RULES"] },
            new LogicElement { Id = "L-ACT", Name = "Account activation", Kind = LogicKind.Workflow, Components = ["C-ACCOUNT"] },
        ],
        [
            new Component { Id = "C-RULES", Name = "Rules engine", Kind = ComponentKind.Rule },
            new Component { Id = "C-KYC", Name = "KYC adapter", Kind = ComponentKind.Integration },
            new Component { Id = "C-ACCOUNT", Name = "Account service", Kind = ComponentKind.Data },
        ])
    {
        Waivers =
        [
            FileWaiver("W-2026-001", "2026-10-01", "@contoso/architects", "Long lapsed", "contoso/onboarding#10"),
            FileWaiver("W-2026-014", "2026-12-05", "@contoso/architects", "Spike; the component spec follows", "contoso/onboarding#22"),
            FileWaiver("W-2026-020", "2027-01-31", "@contoso/architects", "Migration | phase <1>", "4711", "4712"),
            FileWaiver("W-2026-017", "2026-11-25", "lead", "Demo week", "contoso/onboarding#21"),
        ],
    };

    /// <summary>The same anatomy with no waiver.</summary>
    public static EnterpriseAnatomy AnatomyWithoutWaivers { get; } = new(Anatomy.Outcomes, Anatomy.ValueStreams, Anatomy.Logic, Anatomy.Components, Anatomy.Policy);

    /// <summary>A waiver made by <c>/anatomy waive</c>, as the audit trail gives it back.</summary>
    public static IReadOnlyList<Waiver> CommandWaivers { get; } =
    [
        FileWaiver("C-20261120090000", "2026-12-10", "@dana", "Hotfix", "contoso/onboarding#21") with { Gaps = ["no-work-item"] },
    ];

    public static IReadOnlyList<AnatomyDiagnostic> Diagnostics { get; } =
    [
        new("stage-no-logic", DiagnosticSeverity.Warning, "Stage 'Verify identity' lists no logic (P3).", new SourcePosition(18, 9), "ST-VERIFY"),
        new("stream-no-outcome", DiagnosticSeverity.Warning, "Value stream 'Support' serves no outcome (P1).", new SourcePosition(24, 5), "VS-SUP"),
    ];

    public static IReadOnlyList<StoredEvaluation> Items { get; } =
    [
        Gh("contoso/onboarding#1", ItemKind.Epic, "Onboarding revamp", Layer.Stage, T(["O-FAST"], ["ST-APPLY"]), Oct(1)),
        Ado("101", ItemKind.Epic, "Support overhaul", Layer.Unmapped, Trace.Empty, new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), ("no-outcome", GapSeverity.Warn)),
        Gh("contoso/onboarding#5", ItemKind.Story, "Eligibility rules engine", Layer.Component, T(["O-FAST"], ["ST-APPLY"], ["L-ELIG"], ["C-RULES"]), Oct(1)),
        Gh("contoso/onboarding#6", ItemKind.Story, "KYC provider integration", Layer.Component, T(["O-FAST"], ["ST-VERIFY"], [], ["C-KYC"]), Nov(2)),
        Gh("contoso/onboarding#7", ItemKind.Story, "Welcome e-mail", Layer.Stage, T(["O-FAST"], ["ST-ACTIVATE"]), Nov(10), ("no-component", GapSeverity.Warn)),
        Ado("102", ItemKind.Story, "Triage queue", Layer.Stage, T([], ["ST-TRIAGE"]), Nov(18), ("no-component", GapSeverity.Warn), ("no-outcome", GapSeverity.Warn)),
        Ado("103", ItemKind.Feature, "Self-service portal | <beta>", Layer.Unmapped, Trace.Empty, Nov(25), ("no-outcome", GapSeverity.Warn), ("no-stage", GapSeverity.Warn)),
        Gh("contoso/onboarding#20", ItemKind.PullRequest, "Add eligibility rules", Layer.Component, T(["O-FAST"], ["ST-APPLY"], ["L-ELIG"], ["C-RULES"]), Nov(25)) with { IsOpen = false, MergedAt = Nov(26) },
        Gh("contoso/onboarding#21", ItemKind.PullRequest, "Hotfix KYC timeout", Layer.Component, T(["O-FAST"], ["ST-VERIFY"], [], ["C-KYC"]), Nov(27), ("no-work-item", GapSeverity.Block)) with { IsOpen = false, MergedAt = Nov(27).AddHours(3) },
        Gh("contoso/web#3", ItemKind.PullRequest, "Bump dependencies", Layer.Unmapped, Trace.Empty, Nov(24), scope: "contoso/web") with { IsOpen = false, IsExempt = true, MergedAt = Nov(24).AddHours(1) },
        Gh("contoso/onboarding#19", ItemKind.PullRequest, "Activation workflow", Layer.Component, T(["O-FAST"], ["ST-ACTIVATE"], ["L-ACT"], ["C-ACCOUNT"]), Nov(16)) with { IsOpen = false, MergedAt = Nov(18) },
        Gh("contoso/onboarding#2", ItemKind.Story, "Old story", Layer.Stage, T(["O-FAST"], ["ST-APPLY"]), Oct(20)) with { IsOpen = false },
        Gh("contoso/onboarding#22", ItemKind.PullRequest, "WIP activation e-mail", Layer.Stage, T(["O-FAST"], ["ST-ACTIVATE"]), Nov(27), ("no-component", GapSeverity.Block)),
    ];

    public static IReadOnlyList<GapEvent> Events { get; } =
    [
        Open("contoso/onboarding#1", "no-outcome", Oct(1)),
        Open("contoso/onboarding#2", "no-component", Oct(20)),
        Open("contoso/onboarding#5", "no-component", Nov(2)),
        Close("contoso/onboarding#2", "no-component", Nov(3)),
        Open("contoso/onboarding#7", "no-component", Nov(10)),
        Close("contoso/onboarding#5", "no-component", Nov(12)),
        Open("contoso/onboarding#19", "no-component", Nov(16)),
        Close("contoso/onboarding#19", "no-component", Nov(17)),
        Open("102", "no-component", Nov(18), ItemSource.AzureDevOps),
        Open("102", "no-outcome", Nov(18), ItemSource.AzureDevOps),
        Close("contoso/onboarding#1", "no-outcome", Nov(24)),
        Open("103", "no-outcome", Nov(25), ItemSource.AzureDevOps),
        Open("103", "no-stage", Nov(25), ItemSource.AzureDevOps),
        Open("contoso/onboarding#21", "no-work-item", Nov(27), severity: GapSeverity.Block),
        Open("contoso/onboarding#22", "no-component", Nov(27), severity: GapSeverity.Block),
    ];

    public static DigestRequest Request(TimeZoneInfo? timeZone = null) => new()
    {
        Anatomy = Anatomy,
        Week = Week,
        TimeZone = timeZone ?? TimeZoneInfo.Utc,
        Diagnostics = Diagnostics,
        CommandWaivers = CommandWaivers,
    };

    private static Waiver FileWaiver(string id, string until, string approver, string reason, params string[] items) => new()
    {
        Id = id,
        Items = items,
        Gaps = ["no-component"],
        Until = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
        Reason = reason,
        ApprovedBy = approver,
    };

    public static DateTimeOffset Oct(int day) => new(2026, 10, day, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Nov(int day) => new(2026, 11, day, 9, 0, 0, TimeSpan.Zero);

    public static Trace T(string[] outcomes, string[] stages, string[]? logic = null, string[]? components = null) =>
        new(outcomes, stages, logic ?? [], components ?? []);

    public static StoredEvaluation Gh(string id, ItemKind kind, string title, Layer layer, Trace trace, DateTimeOffset firstSeen, params (string Code, GapSeverity Severity)[] gaps) =>
        Gh(id, kind, title, layer, trace, firstSeen, "contoso/onboarding", gaps);

    public static StoredEvaluation Gh(string id, ItemKind kind, string title, Layer layer, Trace trace, DateTimeOffset firstSeen, string scope, params (string Code, GapSeverity Severity)[] gaps) =>
        Item(ItemSource.GitHub, id, kind, title, layer, trace, firstSeen, scope, GitHubUrl(id, kind), gaps);

    private static string GitHubUrl(string id, ItemKind kind)
    {
        var parts = id.Split('#');
        return $"https://github.com/{parts[0]}/{(kind == ItemKind.PullRequest ? "pull" : "issues")}/{parts[1]}";
    }

    public static StoredEvaluation Ado(string id, ItemKind kind, string title, Layer layer, Trace trace, DateTimeOffset firstSeen, params (string Code, GapSeverity Severity)[] gaps) =>
        Item(ItemSource.AzureDevOps, id, kind, title, layer, trace, firstSeen, @"Contoso\Support", $"https://dev.azure.com/contoso/support/_workitems/edit/{id}", gaps);

    private static StoredEvaluation Item(ItemSource source, string id, ItemKind kind, string title, Layer layer, Trace trace, DateTimeOffset firstSeen, string scope, string url, (string Code, GapSeverity Severity)[] gaps) => new()
    {
        Source = source,
        ItemId = id,
        Kind = kind,
        Title = title,
        Url = url,
        Scope = scope,
        Layer = layer,
        Trace = trace,
        Gaps = gaps.ToDictionary(g => g.Code, g => g.Severity),
        FirstSeen = firstSeen,
        EvaluatedAt = firstSeen,
    };

    private static GapEvent Open(string id, string code, DateTimeOffset at, ItemSource source = ItemSource.GitHub, GapSeverity severity = GapSeverity.Warn) =>
        new(source, id, code, severity, GapEventKind.Opened, at);

    private static GapEvent Close(string id, string code, DateTimeOffset at, ItemSource source = ItemSource.GitHub) =>
        new(source, id, code, GapSeverity.Warn, GapEventKind.Closed, at);
}
