using System.Globalization;
using System.Text.Json.Nodes;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Lint;

/// <summary><c>lint --format github</c> and <c>--format azure-pipelines</c>, run as a process: the output against golden
/// files, and every line read back as the runner reads it, which must give exactly the findings of <c>--format json</c>
/// (file, position, code, message), however hostile the text in the anatomy and its file name.</summary>
public sealed class LintCiFormatTests
{
    /// <summary>A file name with the characters both runners treat specially in a property.</summary>
    private const string HostileFileName = "odd, name: 100%;].yml";

    [Theory]
    [InlineData("sample", "github", 0)]
    [InlineData("sample", "azure-pipelines", 0)]
    [InlineData("hostile-findings", "github", 1)]
    [InlineData("hostile-findings", "azure-pipelines", 1)]
    [InlineData("hostile-references", "github", 2)]
    [InlineData("hostile-references", "azure-pipelines", 2)]
    [InlineData("missing", "github", 2)]
    [InlineData("missing", "azure-pipelines", 2)]
    public async Task Lint_CiFormat_PrintsTheGoldenCommandsWithTheUsualExitCode(string fixture, string format, int exitCode)
    {
        using var folder = new TempDirectory();
        var file = Place(fixture, folder);

        var result = await RunLint(folder, file, format);
        var text = await RunLint(folder, file, "text");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(text.ExitCode, result.ExitCode);
        GoldenFiles.AssertMatches("Lint", $"{fixture}.{format}.txt", result.Stdout);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("hostile-findings")]
    [InlineData("hostile-references")]
    public async Task Lint_GitHub_EachLineReadsBackAsExactlyOneFinding(string fixture)
    {
        using var folder = new TempDirectory();
        var file = Place(fixture, folder);
        var expected = await JsonFindings(folder, file);

        var lines = (await RunLint(folder, file, "github")).StdoutLines;

        Assert.Equal(expected.Count + 1, lines.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var command = RunnerCommand.ParseGitHub(lines[i]);
            Assert.NotNull(command);
            var finding = expected[i];
            Assert.Equal(finding.Severity switch { "error" => "error", "warning" => "warning", _ => "notice" }, command.Name);
            Assert.Equal(file, command.Properties["file"]);
            Assert.Equal(finding.Line, command.Properties["line"]);
            Assert.Equal(finding.Column, command.Properties["col"]);
            Assert.Equal(finding.Code, command.Properties["title"]);
            Assert.Equal(4, command.Properties.Count);
            Assert.Equal(finding.Message, command.Data);
        }

        Assert.Null(RunnerCommand.ParseGitHub(lines[^1]));
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("hostile-findings")]
    [InlineData("hostile-references")]
    public async Task Lint_AzurePipelines_EachErrorAndWarningReadsBackAsOneIssueAndNoOtherLineIsACommand(string fixture)
    {
        using var folder = new TempDirectory();
        var file = Place(fixture, folder);
        var expected = await JsonFindings(folder, file);

        var lines = (await RunLint(folder, file, "azure-pipelines")).StdoutLines;

        Assert.Equal(expected.Count + 1, lines.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var command = RunnerCommand.ParseAzure(lines[i]);
            var finding = expected[i];
            if (finding.Severity == "info")
            {
                Assert.Null(command);
                Assert.StartsWith($"{Plain(file)}:{finding.Line}:{finding.Column}: info {finding.Code}: ", lines[i], StringComparison.Ordinal);
                continue;
            }

            Assert.NotNull(command);
            Assert.Equal("task.logissue", command.Name);
            Assert.Equal(finding.Severity, command.Properties["type"]);
            Assert.Equal(file, command.Properties["sourcepath"]);
            Assert.Equal(finding.Line, command.Properties["linenumber"]);
            Assert.Equal(finding.Column, command.Properties["columnnumber"]);
            Assert.Equal(finding.Code, command.Properties["code"]);
            Assert.Equal(5, command.Properties.Count);
            Assert.Equal(finding.Message, command.Data);
        }

        Assert.Null(RunnerCommand.ParseAzure(lines[^1]));
    }

    [Fact]
    public async Task Lint_UnknownFormat_ExitsTwoAndNamesTheFormats()
    {
        var result = await CliRunner.RunAsync("lint", RepoPaths.SampleAnatomy, "--format", "gitlab");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("github", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("azure-pipelines", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Copies the fixture into the folder (the hostile ones under <see cref="HostileFileName"/>) and returns the
    /// name to pass, relative to the folder; <c>missing</c> is a name with no file.</summary>
    private static string Place(string fixture, TempDirectory folder)
    {
        switch (fixture)
        {
            case "sample":
                File.Copy(RepoPaths.SampleAnatomy, Path.Combine(folder.Path, "anatomy.yml"));
                return "anatomy.yml";
            case "missing":
                return "missing.yml";
            default:
                File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lint", fixture + ".yml"), Path.Combine(folder.Path, HostileFileName));
                return HostileFileName;
        }
    }

    private static Task<CliResult> RunLint(TempDirectory folder, string file, string format) =>
        CliRunner.RunAsync(["lint", file, "--format", format], new CliRunOptions { WorkingDirectory = folder.Path });

    private static async Task<IReadOnlyList<Finding>> JsonFindings(TempDirectory folder, string file)
    {
        var json = JsonNode.Parse((await RunLint(folder, file, "json")).Stdout)!;
        var findings = json["diagnostics"]!.AsArray().Select(d => new Finding(
            (string)d!["severity"]!,
            ((int)d["line"]!).ToString(CultureInfo.InvariantCulture),
            ((int)d["column"]!).ToString(CultureInfo.InvariantCulture),
            (string)d["code"]!,
            (string)d["message"]!)).ToList();
        Assert.NotEmpty(findings);
        return findings;
    }


    private static string Plain(string text) => text.Replace("]", "%5D", StringComparison.Ordinal);

    private sealed record Finding(string Severity, string Line, string Column, string Code, string Message);
}
