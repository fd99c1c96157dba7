using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class AnatomyLinterTests
{
    /// <summary>Every stage linked up and down, every component specified and operated: nothing to report.</summary>
    private const string Clean = """
        version: 1
        outcomes:
          - { id: OUT-A, name: A, metric: Days, target: 5 }
        valueStreams:
          - id: VS-A
            name: Stream
            outcomes: [OUT-A]
            stages:
              - { id: ST-A, name: Stage A, logic: [LG-A] }
        logic:
          - { id: LG-A, name: Logic A, kind: rule, components: [C-A] }
        components:
          - { id: C-A, name: Comp A, kind: rule, spec: docs/a.md, operations: { runbook: rb } }
        """;

    private static AnatomyLintReport Lint(string yaml)
    {
        var parsed = AnatomyParser.Parse(yaml);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        return AnatomyLinter.Lint(parsed.Anatomy!);
    }

    private static AnatomyDiagnostic Only(AnatomyLintReport report, string code) =>
        Assert.Single(report.Diagnostics, d => d.Code == code);

    [Fact]
    public void CleanAnatomy_HasNoDiagnosticsAndIsComplete()
    {
        var report = Lint(Clean);

        Assert.Empty(report.Diagnostics);
        Assert.False(report.HasErrors);
        Assert.Equal(new ValueStreamCompleteness("VS-A", "Stream", 1, 1, 1, 1, 1), Assert.Single(report.Completeness));
    }

    [Fact]
    public void StageNoOutcome_IsAnErrorAtTheStage()
    {
        var report = Lint(Clean.Replace("    outcomes: [OUT-A]\n", string.Empty, StringComparison.Ordinal));

        var finding = Only(report, "stage-no-outcome");
        Assert.Equal((DiagnosticSeverity.Error, "ST-A", new SourcePosition(8, 9)), (finding.Severity, finding.ElementId, finding.Position));
        Assert.True(report.HasErrors);
        Assert.Equal(0, report.Completeness[0].LinkedToOutcome);
    }

    [Fact]
    public void StageNoOutcome_IsNotReportedWhenTheStageNamesOneItself()
    {
        var report = Lint(Clean
            .Replace("    outcomes: [OUT-A]\n", string.Empty, StringComparison.Ordinal)
            .Replace("logic: [LG-A] }", "logic: [LG-A], outcomes: [OUT-A] }", StringComparison.Ordinal));

        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void StageNoLogic_IsAWarning()
    {
        var report = Lint(Clean.Replace("- { id: ST-A, name: Stage A, logic: [LG-A] }", "- { id: ST-A, name: Stage A, logic: [LG-A] }\n      - { id: ST-B, name: Stage B }", StringComparison.Ordinal));

        var finding = Only(report, "stage-no-logic");
        Assert.Equal((DiagnosticSeverity.Warning, "ST-B"), (finding.Severity, finding.ElementId));
        Assert.Equal(new ValueStreamCompleteness("VS-A", "Stream", 2, 2, 1, 1, 1), report.Completeness[0]);
    }

    [Fact]
    public void LogicNoComponent_IsAWarning_AndTheStageDoesNotReachP4()
    {
        var report = Lint(Clean
            .Replace("kind: rule, components: [C-A] }", "kind: rule }", StringComparison.Ordinal));

        var finding = Only(report, "logic-no-component");
        Assert.Equal((DiagnosticSeverity.Warning, "LG-A"), (finding.Severity, finding.ElementId));
        Assert.Equal((1, 0, 0), (report.Completeness[0].WithLogic, report.Completeness[0].ReachingComponents, report.Completeness[0].Complete));
        Assert.Equal("component-unused", Only(report, "component-unused").Code);
    }

    [Fact]
    public void ComponentNoSpec_IsAWarning()
    {
        var finding = Only(Lint(Clean.Replace(" spec: docs/a.md,", string.Empty, StringComparison.Ordinal)), "component-no-spec");

        Assert.Equal((DiagnosticSeverity.Warning, "C-A", new SourcePosition(13, 5)), (finding.Severity, finding.ElementId, finding.Position));
    }

    [Theory]
    [InlineData("metric: Days, target: 5", "metric: Days", "no target")]
    [InlineData("metric: Days, target: 5", "target: 5", "no metric")]
    [InlineData(", metric: Days, target: 5", "", "no metric and target")]
    public void OutcomeNoTarget_IsAWarningNamingWhatIsMissing(string from, string to, string expected)
    {
        var finding = Only(Lint(Clean.Replace(from, to, StringComparison.Ordinal)), "outcome-no-target");

        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomeUnused_IsAWarning()
    {
        var report = Lint(Clean.Replace("outcomes:\n", "outcomes:\n  - { id: OUT-B, name: B, metric: m, target: t }\n", StringComparison.Ordinal));

        var finding = Only(report, "outcome-unused");
        Assert.Equal((DiagnosticSeverity.Warning, "OUT-B", new SourcePosition(3, 5)), (finding.Severity, finding.ElementId, finding.Position));
    }

    [Fact]
    public void ComponentUnused_IsAWarning()
    {
        var report = Lint(Clean + "\n  - { id: C-B, name: B, kind: audit, spec: s, operations: { alerts: [x] } }\n");

        var finding = Only(report, "component-unused");
        Assert.Equal((DiagnosticSeverity.Warning, "C-B"), (finding.Severity, finding.ElementId));
    }

    [Theory]
    [InlineData(", operations: { runbook: rb }")]
    [InlineData(", operations: {}")]
    public void ComponentNoOperations_IsInformational(string operations)
    {
        var report = Lint(Clean.Replace(operations, string.Empty, StringComparison.Ordinal).Replace(", operations: { runbook: rb }", ", operations: {}", StringComparison.Ordinal));

        var finding = Only(report, "component-no-operations");
        Assert.Equal(DiagnosticSeverity.Info, finding.Severity);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Sample_ShowsItsDeliberateGaps_InFileOrder()
    {
        var report = Lint(RepoFiles.SampleAnatomy);

        Assert.Equal(
            [
                ("stage-no-logic", "ST-SUPPORT-ENABLED"),
                ("component-no-operations", "C-DOCUMENT-RULES"),
                ("component-no-spec", "C-WELCOME-NOTIFICATION"),
                ("component-no-operations", "C-WELCOME-NOTIFICATION"),
            ],
            report.Diagnostics.Select(d => (d.Code, d.ElementId!)));
        Assert.False(report.HasErrors);
        Assert.Equal(new ValueStreamCompleteness("VS-CUSTOMER-ONBOARDING", "Customer onboarding", 8, 8, 7, 7, 7), Assert.Single(report.Completeness));
    }

    [Fact]
    public void EveryLintCode_HasASeverity()
    {
        string[] codes =
        [
            "stage-no-outcome", "stage-no-logic", "logic-no-component", "component-no-spec",
            "outcome-no-target", "outcome-unused", "component-unused", "component-no-operations",
            "waiver-unknown-gap", "waiver-expired", "waiver-too-long", "waiver-duplicate-id", "waiver-unused",
        ];

        Assert.Equal(codes.Order(StringComparer.Ordinal), AnatomyLinter.Severities.Keys.Order(StringComparer.Ordinal));
    }
}
