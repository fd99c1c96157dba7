using System.Text.Json.Nodes;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Core.Anatomy;
using Json.Schema;

namespace AnatomyBot.Cli.Tests.Lint;

public sealed class SchemaCommandTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoPaths.Schema)));

    private static bool Validates(string yaml) =>
        Schema.Value.Evaluate(YamlToJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;

    [Fact]
    public async Task Printed_EqualsTheCommittedFile()
    {
        var result = await CliRunner.RunAsync("schema");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(RepoPaths.Schema), result.Stdout);
        Assert.NotNull(JsonNode.Parse(result.Stdout));
    }

    [Fact]
    public void Sample_ValidatesAgainstTheSchema()
    {
        Assert.True(Validates(File.ReadAllText(RepoPaths.SampleAnatomy)));
    }

    [Fact]
    public void Sample_PointsEditorsAtTheSchema()
    {
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/anatomy.schema.json", File.ReadAllText(RepoPaths.SampleAnatomy), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepoPaths.SampleAnatomy)!, "../../schema/anatomy.schema.json"))));
    }

    /// <summary>Documents the parser rejects must also fail the schema, so editors flag what lint will refuse.</summary>
    [Theory]
    [InlineData("outcomes: []")]
    [InlineData("version: 2")]
    [InlineData("version: 1\ncolour: red")]
    [InlineData("version: 1\noutcomes:\n  - { id: OUT-A }")]
    [InlineData("version: 1\noutcomes:\n  - { id: 1A, name: x }")]
    [InlineData("version: 1\noutcomes:\n  - { id: OUT-A, name: x, nmae: y }")]
    [InlineData("version: 1\nlogic:\n  - { id: LG-A, name: x, kind: magic }")]
    [InlineData("version: 1\ncomponents:\n  - { id: C-A, name: x, kind: data, operations: { pager: x } }")]
    [InlineData("version: 1\npolicy:\n  rules:\n    task: { severity: warn }")]
    [InlineData("version: 1\npolicy:\n  rules:\n    story: { severity: fatal }")]
    [InlineData("version: 1\npolicy:\n  scopes:\n    - { repository: a/b, areaPath: X, rules: {} }")]
    [InlineData("version: 1\npolicy:\n  scopes:\n    - { rules: {} }")]
    [InlineData("version: 1\nvalueStreams:\n  - { id: VS-A, name: x }\npolicy:\n  scopes:\n    - { areaPath: X, valueStream: VS-A, rules: {} }")]
    [InlineData("version: 1\npolicy:\n  fields:\n    Custom.X: epic")]
    public void BrokenDocument_FailsBothTheSchemaAndTheParser(string yaml)
    {
        Assert.False(Validates(yaml));
        Assert.False(AnatomyParser.Parse(yaml).IsValid);
    }

    [Theory]
    [InlineData("version: 1")]
    [InlineData("version: 1\noutcomes:\n  - { id: OUT-A, name: x, target: 5 }")]
    [InlineData("version: 1\npolicy:\n  scopes:\n    - { areaPath: 'A\\B', rules: { story: { severity: info } } }")]
    [InlineData("version: 1\nvalueStreams:\n  - { id: VS-A, name: x }\npolicy:\n  scopes:\n    - { valueStream: VS-A, rules: { story: { severity: block } } }")]
    public void ValidDocument_PassesBoth(string yaml)
    {
        Assert.True(Validates(yaml));
        Assert.True(AnatomyParser.Parse(yaml).IsValid, string.Join("\n", AnatomyParser.Parse(yaml).Errors));
    }
}
