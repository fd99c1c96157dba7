using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary><c>action.yml</c> and its scripts run locally as the runner would run them (<see cref="CompositeAction"/>),
/// with the tool installed from the package under test: <c>lint</c> annotates the anatomy and writes its report to the
/// job summary; <c>check</c> reads the GitHub fake on loopback and writes the story map to the job summary.</summary>
public sealed class GitHubActionTests
{
    private const string Token = "ghs_test-token-not-real";

    /// <summary>One RUNNER_TEMP for the class: the first run installs the tool, the next ones find it installed.</summary>
    private static readonly Lazy<TempDirectory> RunnerTemp = new(TempDirectory.UntilProcessExit);

    [Fact]
    public async Task Lint_SampleAnatomy_AnnotatesTheFileWritesTheReportToTheSummaryAndPasses()
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);
        runner.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));

        var (install, step) = await RunActionAsync(runner, new() { ["command"] = "lint" });

        Assert.True(step.ExitCode == 0, step.ToString());
        var expected = await CliRunner.RunAsync(["lint", "anatomy.yml", "--format", "github"], new CliRunOptions { WorkingDirectory = runner.Workspace });
        Assert.Equal(expected.StdoutLines, step.StdoutLines);
        var version = (await ToolPackage.GetAsync()).Version;
        Assert.Contains(install.StdoutLines, l => l.StartsWith(version, StringComparison.Ordinal));
        var summary = await File.ReadAllTextAsync(runner.SummaryFile);
        Assert.StartsWith("## Anatomy lint: `anatomy.yml`", summary, StringComparison.Ordinal);
        Assert.Contains("### Completeness", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("block", 1)]
    [InlineData("warn", 1)]
    [InlineData("never", 0)]
    public async Task Lint_ErrorFinding_FailsTheStepUnlessFailOnIsNever(string failOn, int exitCode)
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);
        runner.WriteFile("architecture.yml", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lint", "hostile-findings.yml")));

        var (_, step) = await RunActionAsync(runner, new() { ["command"] = "lint", ["anatomy"] = "architecture.yml", ["fail-on"] = failOn });

        Assert.True(step.ExitCode == exitCode, step.ToString());
        Assert.Contains(step.StdoutLines, l => l.StartsWith("::error file=architecture.yml,line=9,col=9,title=stage-no-outcome::", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("block", 0)]
    [InlineData("warn", 1)]
    public async Task Lint_WarningsOnly_FailsTheStepOnlyWhenFailOnIsWarn(string failOn, int exitCode)
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);
        runner.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));

        var (_, step) = await RunActionAsync(runner, new() { ["command"] = "lint", ["fail-on"] = failOn });

        Assert.True(step.ExitCode == exitCode, step.ToString());
    }

    [Fact]
    public async Task Lint_NoAnatomyFileInTheCheckout_FailsWithExitTwoAndAnError()
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);

        var (_, step) = await RunActionAsync(runner, new() { ["command"] = "lint" });

        Assert.True(step.ExitCode == 2, step.ToString());
        Assert.Contains("::error::anatomy.yml: error: file not found", step.StdoutLines);
    }

    [Theory]
    [InlineData("command", "deploy", "command must be lint or check, not 'deploy'")]
    [InlineData("fail-on", "100%\nnext", "fail-on must be block, warn or never, not '100%25%0Anext'")]
    public async Task Run_InvalidInput_FailsWithExitTwoAndAnEscapedError(string input, string value, string message)
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);

        var (_, step) = await RunActionAsync(runner, new() { ["command"] = "lint", [input] = value });

        Assert.True(step.ExitCode == 2, step.ToString());
        Assert.Equal(["::error title=AnatomyBot::" + message], step.StdoutLines);
    }

    [Theory]
    [InlineData("block", 1)]
    [InlineData("never", 0)]
    public async Task Check_OnAPullRequest_ReadsTheOpenIssuesAndThatPullRequestAndWritesTheStoryMapToTheSummary(string failOn, int exitCode)
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);
        runner.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));
        var hub = new FakeGitHub();
        var repository = hub.Repository("contoso", "onboarding");
        repository.Issues[1] = new FakeIssue { Number = 1, Title = "Capture leads from the web form", Body = "Stage: ST-LEAD-CAPTURED", Labels = { "story" } };
        var current = new FakeIssue { Number = 7, IsPullRequest = true, Title = "Lead form", Body = "No link yet", HeadSha = "c0ffee" };
        current.Files.Add("src/Leads/Form.cs");
        repository.Issues[7] = current;
        repository.Issues[8] = new FakeIssue { Number = 8, IsPullRequest = true, Title = "Another change", HeadSha = "beef" };
        await using var server = await FakeApiServer.StartAsync(hub, "/", CancellationToken.None);
        runner.Environment["GITHUB_API_URL"] = server.BaseUrl.ToString().TrimEnd('/');

        var (_, step) = await RunActionAsync(runner, new() { ["fail-on"] = failOn });

        Assert.True(step.ExitCode == exitCode, step.ToString());
        Assert.Equal(
            ["GET /repos/contoso/onboarding/issues?state=open&per_page=100&page=1", "GET /repos/contoso/onboarding/pulls/7/files?per_page=100"],
            hub.Requests.Select(r => r.ToString()));
        Assert.All(hub.Requests, r => Assert.Equal($"token {Token}", r.Authorization, ignoreCase: true));
        var summary = await File.ReadAllTextAsync(runner.SummaryFile);
        Assert.StartsWith("# Story map", summary, StringComparison.Ordinal);
        Assert.Contains("Lead form", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Another change", summary, StringComparison.Ordinal);
        Assert.Contains("read 2 open items from contoso/onboarding with 2 GitHub API calls (GITHUB_TOKEN)", step.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, step.Stdout + step.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenRefused_FailsWithExitTwoAnErrorAnnotationAndTheReasonInTheSummary()
    {
        using var runner = new GitHubRunner(RunnerTemp.Value.Path);
        runner.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));
        var hub = new FakeGitHub();
        hub.Repository("contoso", "onboarding");
        hub.Fail(HttpMethod.Get, "^/repos/contoso/onboarding/issues$", System.Net.HttpStatusCode.Unauthorized);
        await using var server = await FakeApiServer.StartAsync(hub, "/", CancellationToken.None);
        runner.Environment["GITHUB_API_URL"] = server.BaseUrl.ToString().TrimEnd('/');

        var (_, step) = await RunActionAsync(runner, []);

        Assert.True(step.ExitCode == 2, step.ToString());
        var error = Assert.Single(step.StdoutLines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("GitHub refused the credentials (401 Unauthorized) reading contoso/onboarding", error, StringComparison.Ordinal);
        Assert.Contains("Not run: check: GitHub refused the credentials", await File.ReadAllTextAsync(runner.SummaryFile), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, step.Stdout + step.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the action with the tool installed from the package under test; returns the install step and the
    /// command step.</summary>
    private static async Task<(CliResult Install, CliResult Step)> RunActionAsync(GitHubRunner runner, Dictionary<string, string> inputs)
    {
        var package = await ToolPackage.GetAsync();
        inputs["version"] = package.Version;
        inputs["source"] = package.Folder;

        var results = await CompositeAction.Load().RunAsync(inputs, Token, runner);

        Assert.True(results.Count == 2, string.Join("\n", results));
        Assert.True(results[0].ExitCode == 0, results[0].ToString());
        return (results[0], results[1]);
    }
}
