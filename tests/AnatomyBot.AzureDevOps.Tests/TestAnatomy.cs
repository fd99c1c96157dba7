using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Tests;

/// <summary>A small onboarding anatomy: outcome O-ACT, value stream VS-ONB with stage S-VERIFY, logic L-KYC and
/// component C-KYC (owning <c>src/kyc/**</c>).</summary>
internal static class TestAnatomy
{
    public static EnterpriseAnatomy Create() => new(
        [new Outcome { Id = "O-ACT", Name = "Faster activation", Metric = "days to activate", Target = "< 2" }],
        [new ValueStream
        {
            Id = "VS-ONB",
            Name = "Customer onboarding",
            Outcomes = ["O-ACT"],
            Stages = [new Stage { Id = "S-VERIFY", Name = "Verify identity", ValueStreamId = "VS-ONB", Order = 1, Outcomes = ["O-ACT"], Logic = ["L-KYC"] }],
        }],
        [new LogicElement { Id = "L-KYC", Name = "KYC rule", Kind = LogicKind.Rule, Components = ["C-KYC"] }],
        [new Component { Id = "C-KYC", Name = "KYC service", Kind = ComponentKind.Rule, Paths = ["src/kyc/**"] }]);

    /// <summary>The same anatomy as YAML (what a repository holds). <paramref name="withScanStage"/> is the change an
    /// architect pushes in the re-evaluation tests: stage S-SCAN, its logic L-SCAN and component C-SCAN owning
    /// <c>src/scan/**</c>.</summary>
    public static string Yaml(bool withScanStage = false) => $"""
        version: 1
        outcomes:
          - id: O-ACT
            name: Faster activation
            metric: days to activate
            target: "< 2"
        valueStreams:
          - id: VS-ONB
            name: Customer onboarding
            outcomes: [O-ACT]
            stages:
              - id: S-VERIFY
                name: Verify identity
                outcomes: [O-ACT]
                logic: [L-KYC]
        {(withScanStage ? ScanStage : "")}logic:
          - id: L-KYC
            name: KYC rule
            kind: rule
            components: [C-KYC]
        {(withScanStage ? ScanLogic : "")}components:
          - id: C-KYC
            name: KYC service
            kind: rule
            paths: ["src/kyc/**"]
        {(withScanStage ? ScanComponent : "")}
        """;

    private const string ScanStage = "      - id: S-SCAN\n        name: Scan documents\n        outcomes: [O-ACT]\n        logic: [L-SCAN]\n";
    private const string ScanLogic = "  - id: L-SCAN\n    name: Scan rule\n    kind: rule\n    components: [C-SCAN]\n";
    private const string ScanComponent = "  - id: C-SCAN\n    name: Scanner\n    kind: rule\n    paths: [\"src/scan/**\"]\n";
}
