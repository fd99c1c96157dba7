using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AnatomyBot.Cli.Tests.Infrastructure;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AnatomyBot.Cli.Tests.Lint;

public sealed partial class LintCommandTests
{
    private const string StageWithoutOutcome = """
        version: 1
        valueStreams:
          - id: VS-A
            name: Stream
            stages:
              - { id: ST-A, name: Stage A, logic: [LG-A] }
        logic:
          - { id: LG-A, name: Logic A, kind: rule, components: [C-A] }
        components:
          - { id: C-A, name: Comp A, kind: rule, spec: docs/a.md, operations: { runbook: rb } }
        """;

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|info) (?<code>[a-z-]+): (?<message>.+)$")]
    private static partial Regex DiagnosticLine();

    [Fact]
    public async Task Sample_Text_ListsFindingsAsPathLineColumn_AndExitsZero()
    {
        var result = await CliRunner.RunAsync("lint", RepoPaths.SampleAnatomy);

        Assert.Equal(0, result.ExitCode);
        var diagnostics = result.Stdout.Split('\n').Select(l => DiagnosticLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(4, diagnostics.Count);
        Assert.All(diagnostics, m => Assert.Equal(RepoPaths.SampleAnatomy, m.Groups["file"].Value));
        Assert.Equal("104:9 warning stage-no-logic", $"{diagnostics[0].Groups["line"]}:{diagnostics[0].Groups["column"]} {diagnostics[0].Groups["severity"]} {diagnostics[0].Groups["code"]}");
        Assert.Contains(diagnostics, m => m.Groups["code"].Value == "component-no-spec" && m.Groups["severity"].Value == "warning");
        Assert.Contains("VS-CUSTOMER-ONBOARDING (Customer onboarding): 8 stages · P1 8/8 · P3 7/8 · P4 7/8 · complete 7/8 (88%)", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 error(s), 2 warning(s), 2 info", result.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task NoFile_LintsTheEmbeddedSample_WhichEqualsTheRepositoryFile()
    {
        var embedded = await CliRunner.RunAsync(["lint"], new CliRunOptions { WorkingDirectory = RepoPaths.Root });
        var fromDisk = await CliRunner.RunAsync(["lint", "samples/onboarding/anatomy.yml"], new CliRunOptions { WorkingDirectory = RepoPaths.Root });

        Assert.Equal(0, embedded.ExitCode);
        Assert.Equal(fromDisk.Stdout, embedded.Stdout);
        Assert.Contains("embedded sample", embedded.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_Json_HasCountsDiagnosticsAndCompleteness()
    {
        var result = await CliRunner.RunAsync("lint", RepoPaths.SampleAnatomy, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal((0, 2, 2), (json["counts"]!["error"]!.GetValue<int>(), json["counts"]!["warning"]!.GetValue<int>(), json["counts"]!["info"]!.GetValue<int>()));
        var first = json["diagnostics"]![0]!;
        Assert.Equal(("stage-no-logic", "warning", 104, 9, "ST-SUPPORT-ENABLED"), (first["code"]!.GetValue<string>(), first["severity"]!.GetValue<string>(), first["line"]!.GetValue<int>(), first["column"]!.GetValue<int>(), first["elementId"]!.GetValue<string>()));
        var stream = json["completeness"]![0]!;
        Assert.Equal(("VS-CUSTOMER-ONBOARDING", 8, 8, 7, 7, 7), (stream["valueStreamId"]!.GetValue<string>(), stream["stages"]!.GetValue<int>(), stream["linkedToOutcome"]!.GetValue<int>(), stream["withLogic"]!.GetValue<int>(), stream["reachingComponents"]!.GetValue<int>(), stream["complete"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Sample_Markdown_HasAFindingsTableAndACompletenessTable()
    {
        var result = await CliRunner.RunAsync("lint", RepoPaths.SampleAnatomy, "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        var document = Markdown.Parse(result.Stdout, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var tables = document.Descendants<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(5, tables[0].Count);
        Assert.Equal(2, tables[1].Count);
        Assert.Contains(document.Descendants<HeadingBlock>(), h => h.Level == 3);
        Assert.Contains("| warning | `stage-no-logic` | 104:9 | `ST-SUPPORT-ENABLED` |", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorFinding_ExitsOne()
    {
        using var temp = new TempDirectory();
        var file = temp.File("anatomy.yml", StageWithoutOutcome);

        var result = await CliRunner.RunAsync("lint", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:6:9: error stage-no-outcome: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueStreamScopeNamingNoValueStream_IsAnErrorWithTheNearestId()
    {
        using var temp = new TempDirectory();
        var file = temp.File("anatomy.yml", StageWithoutOutcome + "\n" + """
            policy:
              scopes:
                - valueStream: VS-B
                  rules: { story: { severity: block } }
            """);

        var result = await CliRunner.RunAsync("lint", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:13:20: error unknown-id: 'policy.scopes[0]' refers to value stream 'VS-B', which is not declared (did you mean 'VS-A'?)", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorFinding_Json_ExitsOne()
    {
        using var temp = new TempDirectory();
        var file = temp.File("anatomy.yml", StageWithoutOutcome);

        var result = await CliRunner.RunAsync("lint", file, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, JsonNode.Parse(result.Stdout)!["counts"]!["error"]!.GetValue<int>());
    }

    [Fact]
    public async Task ParseErrors_AreAllListedWithPositions_AndExitTwo()
    {
        using var temp = new TempDirectory();
        var file = temp.File("broken.yml", "version: 1\noutcomes:\n  - id: OUT-A\n    colour: red\nlogic:\n  - { id: LG-A, name: L, kind: magic }\n");

        var result = await CliRunner.RunAsync("lint", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [$"{file}:3:5: error missing-field", $"{file}:4:5: error unknown-key", $"{file}:6:32: error invalid-value"],
            result.AllLines.Select(l => l[..l.IndexOf(": ", l.IndexOf(" error ", StringComparison.Ordinal), StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task ParseErrors_InOtherFormats_ExitTwo(string format)
    {
        using var temp = new TempDirectory();
        var file = temp.File("broken.yml", "version: 7\n");

        var result = await CliRunner.RunAsync("lint", file, "--format", format);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid-value", result.Stdout, StringComparison.Ordinal);
        if (format == "json")
        {
            Assert.False(JsonNode.Parse(result.Stdout)!["valid"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task UnknownFormat_IsAUsageError_ExitTwo()
    {
        var result = await CliRunner.RunAsync("lint", RepoPaths.SampleAnatomy, "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8BomAndCrlfLineEnds_KeepExactPositions()
    {
        using var temp = new TempDirectory();
        var file = temp.File("crlf.yml", [0xEF, 0xBB, 0xBF, .. "version: 1\r\noutcomes:\r\n  - id: OUT-A\r\n    name: A\r\n    colour: x\r\n"u8]);

        var result = await CliRunner.RunAsync("lint", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{file}:5:5: error unknown-key:", Assert.Single(result.AllLines), StringComparison.Ordinal);
    }
}
