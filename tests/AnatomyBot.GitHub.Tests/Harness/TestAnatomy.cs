using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.GitHub.Tests.Harness;

/// <summary>A small anatomy built in code (the YAML parser is another helper's), and a parser stand-in keyed by text.</summary>
public static class TestAnatomy
{
    public const string Valid = "valid anatomy";
    public const string Broken = "broken anatomy";

    public static EnterpriseAnatomy Model { get; } = new(
        [new Outcome { Id = "O-FAST", Name = "Faster onboarding" }],
        [new ValueStream { Id = "VS-ONB", Name = "Onboarding", Stages = [new Stage { Id = "S-KYC", Name = "Verify identity", ValueStreamId = "VS-ONB", Outcomes = ["O-FAST"] }] }],
        [],
        [new Component { Id = "C-KYC", Name = "KYC rules", Kind = ComponentKind.Rule }]);

    public static AnatomyParseResult Parse(string yaml) => yaml switch
    {
        Valid => new AnatomyParseResult(Model, []),
        _ => new AnatomyParseResult(null, [new AnatomyDiagnostic("schema", DiagnosticSeverity.Error, "stages[0].id is required", new SourcePosition(7, 5))]),
    };
}
