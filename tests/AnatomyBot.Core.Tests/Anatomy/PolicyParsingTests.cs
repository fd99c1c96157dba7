using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class PolicyParsingTests
{
    private static AnatomyParseResult ParsePolicy(string policy) => AnatomyParser.Parse("version: 1\npolicy:\n" + policy);

    [Fact]
    public void Rules_GivenKindsOverride_OthersKeepTheDefaults()
    {
        var result = ParsePolicy("""
              rules:
                story: { require: [outcome, stage, component], severity: block }
                pull-request: { require: [work-item] }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var rules = result.Anatomy!.Policy.Rules;
        Assert.Equal(new[] { LinkRequirement.Outcome, LinkRequirement.Stage, LinkRequirement.Component }, rules[ItemKind.Story].Require);
        Assert.Equal(GapSeverity.Block, rules[ItemKind.Story].Severity);
        Assert.Equal(new[] { LinkRequirement.WorkItem }, rules[ItemKind.PullRequest].Require);
        Assert.Equal(AnatomyPolicy.Defaults[ItemKind.PullRequest].Severity, rules[ItemKind.PullRequest].Severity);
        Assert.Same(AnatomyPolicy.Defaults[ItemKind.Epic], rules[ItemKind.Epic]);
        Assert.Same(AnatomyPolicy.Defaults[ItemKind.Feature], rules[ItemKind.Feature]);
    }

    [Fact]
    public void Scopes_RepositoryAndAreaPath_InheritFromTheFileWideRule()
    {
        var result = ParsePolicy("""
              rules:
                story: { require: [outcome], severity: block }
              scopes:
                - repository: contoso/billing
                  rules: { pull-request: { require: [work-item], severity: warn } }
                - areaPath: 'Contoso\Onboarding'
                  rules: { story: { severity: info } }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var scopes = result.Anatomy!.Policy.Scopes;
        Assert.Equal(2, scopes.Count);
        Assert.Equal(("contoso/billing", (string?)null), (scopes[0].Repository, scopes[0].AreaPath));
        Assert.Equal(new PolicyRule([LinkRequirement.WorkItem], GapSeverity.Warn).Severity, scopes[0].Rules[ItemKind.PullRequest].Severity);
        Assert.Equal(@"Contoso\Onboarding", scopes[1].AreaPath);
        Assert.Equal(new[] { LinkRequirement.Outcome }, scopes[1].Rules[ItemKind.Story].Require);
        Assert.Equal(GapSeverity.Info, scopes[1].Rules[ItemKind.Story].Severity);
    }

    [Fact]
    public void Scopes_ValueStreamNotDeclared_IsAnUnknownIdError()
    {
        var result = AnatomyParser.Parse("""
            version: 1
            valueStreams:
              - { id: VS-PAY, name: Payments }
            policy:
              scopes:
                - valueStream: VS-PAI
                  rules: { story: { severity: block } }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal((AnatomyDiagnosticCodes.UnknownId, 6), (error.Code, error.Position.Line));
        Assert.Contains("refers to value stream 'VS-PAI', which is not declared (did you mean 'VS-PAY'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_ValueStreamWithARepository_IsRefused()
    {
        var result = ParsePolicy("""
              scopes:
                - { repository: a/b, valueStream: VS-PAY, rules: { story: { severity: block } } }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(AnatomyDiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("give exactly one of 'repository' (owner/name), 'areaPath' or 'valueStream'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExemptAndFields_AreRead()
    {
        var result = ParsePolicy("""
              exempt:
                labels: ["anatomy:exempt", chore]
                authors: ["*[bot]"]
              fields:
                Custom.StrategicOutcome: outcome
                Custom.Component: component
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var policy = result.Anatomy!.Policy;
        Assert.Equal(["anatomy:exempt", "chore"], policy.ExemptLabels);
        Assert.Equal(["*[bot]"], policy.ExemptAuthors);
        Assert.Equal(Layer.Outcome, policy.Fields["custom.strategicoutcome"]);
        Assert.Equal(Layer.Component, policy.Fields["Custom.Component"]);
    }

    [Fact]
    public void Exempt_OnlyLabelsGiven_KeepsTheDefaultAuthors()
    {
        var policy = ParsePolicy("  exempt: { labels: [skip] }\n").Anatomy!.Policy;

        Assert.Equal(["skip"], policy.ExemptLabels);
        Assert.Equal(AnatomyPolicy.Default.ExemptAuthors, policy.ExemptAuthors);
    }

    [Fact]
    public void Sample_Policy_IsRead()
    {
        var policy = AnatomyParser.Parse(RepoFiles.SampleAnatomy).Anatomy!.Policy;

        Assert.Equal(GapSeverity.Block, policy.Rules[ItemKind.PullRequest].Severity);
        Assert.Equal("contoso/onboarding-portal", policy.Scopes[0].Repository);
        Assert.Equal(Layer.Stage, policy.Fields["Custom.ValueStreamStage"]);
    }

    [Theory]
    [InlineData("  rules:\n    task: { severity: warn }\n", "unknown-key", 4, 5)]
    [InlineData("  rules:\n    story: { severity: fatal }\n", "invalid-value", 4, 24)]
    [InlineData("  rules:\n    story: { require: [owner] }\n", "invalid-value", 4, 24)]
    [InlineData("  rules:\n    story: [outcome]\n", "wrong-type", 4, 12)]
    [InlineData("  scopes:\n    - rules: { story: { severity: info } }\n", "missing-field", 4, 7)]
    [InlineData("  scopes:\n    - repository: a/b\n      areaPath: X\n      rules: {}\n", "invalid-value", 4, 7)]
    [InlineData("  scopes:\n    - repository: not-a-repo\n      rules: {}\n", "invalid-value", 4, 19)]
    [InlineData("  scopes:\n    - repository: a/b\n", "missing-field", 4, 7)]
    [InlineData("  fields:\n    Custom.X: epic\n", "invalid-value", 4, 15)]
    [InlineData("  exempt:\n    users: [x]\n", "unknown-key", 4, 5)]
    public void InvalidPolicy_IsReportedWithItsPosition(string policy, string code, int line, int column)
    {
        var result = ParsePolicy(policy);

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, new SourcePosition(line, column)), (error.Code, error.Position));
    }
}
