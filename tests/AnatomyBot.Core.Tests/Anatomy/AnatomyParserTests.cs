using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class AnatomyParserTests
{
    internal const string Minimal = """
        version: 1
        outcomes:
          - id: OUT-A
            name: Outcome A
            metric: Days to activate
            target: 5
        valueStreams:
          - id: VS-A
            name: Stream A
            outcomes: [out-a]
            stages:
              - id: ST-ONE
                name: One
                decisions: [Is it one?]
                logic: [lg-rule]
              - id: ST-TWO
                name: Two
        logic:
          - id: LG-RULE
            name: Rule
            kind: rule
            components: [c-rule]
        components:
          - id: C-RULE
            name: Rule component
            kind: rule
            spec: docs/rule.md
            paths: ["src/Rule/**"]
            owners: ["@team"]
            operations: { runbook: https://runbook, alerts: [a1, a2] }
        """;

    [Fact]
    public void Parse_MinimalFile_BuildsTheAnatomy()
    {
        var result = AnatomyParser.Parse(Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var anatomy = result.Anatomy!;
        Assert.Equal(1, anatomy.Version);
        var outcome = Assert.Single(anatomy.Outcomes);
        Assert.Equal(("OUT-A", "Days to activate", "5"), (outcome.Id, outcome.Metric, outcome.Target));
        Assert.Equal(new SourcePosition(3, 5), outcome.Position);
        var stream = Assert.Single(anatomy.ValueStreams);
        Assert.Equal(["ST-ONE", "ST-TWO"], stream.Stages.Select(s => s.Id));
        Assert.Equal([0, 1], stream.Stages.Select(s => s.Order));
        Assert.All(stream.Stages, s => Assert.Equal("VS-A", s.ValueStreamId));
        Assert.Equal(["Is it one?"], stream.Stages[0].Decisions);
        var component = Assert.Single(anatomy.Components);
        Assert.Equal(ComponentKind.Rule, component.Kind);
        Assert.Equal(["src/Rule/**"], component.Paths);
        Assert.Equal("https://runbook", component.Operations!.Runbook);
        Assert.Equal(["a1", "a2"], component.Operations.Alerts);
        Assert.Equal(LogicKind.Rule, Assert.Single(anatomy.Logic).Kind);
    }

    [Fact]
    public void Parse_ReferencesInAnotherCase_ResolveToTheDeclaredSpelling()
    {
        var anatomy = AnatomyParser.Parse(Minimal).Anatomy!;

        Assert.Equal(["OUT-A"], anatomy.ValueStreams[0].Outcomes);
        Assert.Equal(["LG-RULE"], anatomy.Stages[0].Logic);
        Assert.Equal(["C-RULE"], anatomy.Logic[0].Components);
        Assert.True(anatomy.TryGet<Stage>("st-two", out var stage));
        Assert.Equal("Two", stage.Name);
    }

    [Fact]
    public void Parse_Sample_IsValidAndComplete()
    {
        var result = AnatomyParser.Parse(RepoFiles.SampleAnatomy);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var anatomy = result.Anatomy!;
        Assert.Equal(["OUT-FAST-ACTIVATION", "OUT-LOW-DROPOFF", "OUT-COMPLIANCE"], anatomy.Outcomes.Select(o => o.Id));
        Assert.Equal(
            ["Lead captured", "Customer qualified", "Account created", "Documents collected", "Contract approved", "Service activated", "Billing started", "Support enabled"],
            anatomy.Stages.Select(s => s.Name));
        Assert.Contains(anatomy.Logic, l => l.Id == "LG-QUALIFICATION-RULES" && l.Kind == LogicKind.Rule);
        Assert.Contains(anatomy.Logic, l => l.Id == "LG-BILLING-TRIGGER" && l.Kind == LogicKind.Timing);
        Assert.Contains(anatomy.Logic, l => l.Id == "LG-MISSING-DOCUMENT" && l.Kind == LogicKind.Exception);
        Assert.Contains(anatomy.Components, c => c.Id == "C-PRICING-RULES" && c.Paths.Contains("src/Onboarding/Pricing/**"));
        Assert.All(anatomy.Outcomes, o => Assert.False(string.IsNullOrEmpty(o.Target)));
    }

    [Fact]
    public void Parse_EmptyListsAndNulls_AreEmpty()
    {
        var result = AnatomyParser.Parse("""
            version: 1
            outcomes:
            valueStreams: []
            logic: ~
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Anatomy!.Elements);
    }

    [Fact]
    public void Parse_NoPolicySection_UsesTheDefaultPolicy()
    {
        var anatomy = AnatomyParser.Parse(Minimal).Anatomy!;

        Assert.Same(AnatomyBot.Core.Policy.AnatomyPolicy.Default, anatomy.Policy);
    }
}
