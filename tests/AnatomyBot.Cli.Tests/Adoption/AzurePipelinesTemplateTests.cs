using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary><c>templates/anatomybot.yml</c> run locally as the agent would run it (<see cref="PipelineTemplate"/>), with
/// the tool installed from the package under test: <c>lint</c> logs one issue per finding and uploads its report as a
/// summary; <c>check</c> reads the Azure DevOps fake on loopback with the job's access token and uploads the story map.</summary>
public sealed class AzurePipelinesTemplateTests
{
    private const string AccessToken = "ado-test-token-not-real";

    /// <summary>One agent temp folder for the class: the first run installs the tool, the next ones find it installed.</summary>
    private static readonly Lazy<TempDirectory> AgentTemp = new(TempDirectory.UntilProcessExit);

    [Fact]
    public async Task Lint_SampleAnatomy_LogsOneIssuePerFindingUploadsTheReportAndPasses()
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);
        agent.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));

        var run = await RunTemplateAsync(agent, new() { ["command"] = "lint" });

        var step = run.Steps[1];
        Assert.True(step.ExitCode == 0, step.ToString());
        var expected = await CliRunner.RunAsync(["lint", "anatomy.yml", "--format", "azure-pipelines"], new CliRunOptions { WorkingDirectory = agent.SourcesDirectory });
        Assert.Equal(expected.StdoutLines, step.StdoutLines.Where(l => !l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal)));
        var summary = Assert.Single(run.Summaries);
        Assert.Equal("AnatomyBot lint.md", Path.GetFileName(summary));
        Assert.StartsWith(agent.Environment["AGENT_TEMPDIRECTORY"], summary, StringComparison.Ordinal);
        Assert.StartsWith("## Anatomy lint: `anatomy.yml`", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("block", 1)]
    [InlineData("warn", 1)]
    [InlineData("never", 0)]
    public async Task Lint_ErrorFinding_FailsTheStepUnlessFailOnIsNever(string failOn, int exitCode)
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);
        agent.WriteFile("architecture.yml", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lint", "hostile-findings.yml")));

        var run = await RunTemplateAsync(agent, new() { ["command"] = "lint", ["anatomy"] = "architecture.yml", ["failOn"] = failOn });

        var step = run.Steps[1];
        Assert.True(step.ExitCode == exitCode, step.ToString());
        Assert.Contains(step.StdoutLines, l => l.StartsWith("##vso[task.logissue type=error;sourcepath=architecture.yml;linenumber=9;columnnumber=9;code=stage-no-outcome]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("block", 0)]
    [InlineData("warn", 1)]
    public async Task Lint_WarningsOnly_FailsTheStepOnlyWhenFailOnIsWarn(string failOn, int exitCode)
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);
        agent.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));

        var run = await RunTemplateAsync(agent, new() { ["command"] = "lint", ["failOn"] = failOn });

        Assert.True(run.Steps[1].ExitCode == exitCode, run.Steps[1].ToString());
    }

    [Fact]
    public async Task Lint_NoAnatomyFileInTheCheckout_FailsWithExitTwoAnIssueAndNoSummary()
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);

        var run = await RunTemplateAsync(agent, new() { ["command"] = "lint" });

        Assert.True(run.Steps[1].ExitCode == 2, run.Steps[1].ToString());
        Assert.Contains("##vso[task.logissue type=error]anatomy.yml: error: file not found", run.Steps[1].StdoutLines);
        Assert.Empty(run.Summaries);
    }

    [Theory]
    [InlineData("warn", 1)]
    [InlineData("never", 0)]
    public async Task Check_ReadsTheProjectWithTheJobsAccessTokenAndUploadsTheStoryMap(string failOn, int exitCode)
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);
        agent.WriteFile("anatomy.yml", await File.ReadAllTextAsync(RepoPaths.SampleAnatomy));
        var ado = new FakeAzureDevOps(project: AzureAgent.TeamProject);
        ado.WorkItems[1] = new FakeWorkItem { Id = 1, Type = "User Story", Title = "Capture leads", Description = "Stage: ST-LEAD-CAPTURED" };
        ado.WorkItems[2] = new FakeWorkItem { Id = 2, Type = "User Story", Title = "Unlinked story" };
        await using var server = await FakeApiServer.StartAsync(ado, "/contoso/", CancellationToken.None);
        var variables = new Dictionary<string, string>(AzureAgent.Variables(AccessToken)) { ["System.CollectionUri"] = server.BaseUrl.ToString() };

        var run = await RunTemplateAsync(agent, new() { ["failOn"] = failOn }, variables);

        var step = run.Steps[1];
        Assert.True(step.ExitCode == exitCode, step.ToString());
        Assert.Equal(
            [
                .. AzureDevOpsWorkItemMapper.BacklogTypes.Select(type => $"GET /contoso/Onboarding/_apis/wit/workitemtypes/{type}/states"),
                "POST /contoso/Onboarding/_apis/wit/wiql", "GET /contoso/Onboarding/_apis/git/pullrequests", "POST /contoso/Onboarding/_apis/wit/workitemsbatch",
            ],
            ado.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(ado.Requests, r => Assert.Equal($"Bearer {AccessToken}", r.Authorization));
        var summary = await File.ReadAllTextAsync(Assert.Single(run.Summaries));
        Assert.StartsWith("# Story map", summary, StringComparison.Ordinal);
        Assert.Contains("Unlinked story", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, step.Stdout + step.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ParameterOutsideItsValues_IsRefusedBeforeAnythingRuns()
    {
        using var agent = new AzureAgent(AgentTemp.Value.Path);

        var refused = await Record.ExceptionAsync(() => PipelineTemplate.Load().RunAsync(new Dictionary<string, string> { ["command"] = "deploy" }, AzureAgent.Variables(AccessToken), agent));

        Assert.NotNull(refused);
        Assert.Contains("'deploy' is not one of lint, check", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs the template with the tool installed from the package under test and checks the install step.</summary>
    private static Task<AgentRun> RunTemplateAsync(AzureAgent agent, Dictionary<string, string> parameters) =>
        RunTemplateAsync(agent, parameters, AzureAgent.Variables(AccessToken));

    private static async Task<AgentRun> RunTemplateAsync(AzureAgent agent, Dictionary<string, string> parameters, IReadOnlyDictionary<string, string> variables)
    {
        var package = await ToolPackage.GetAsync();
        parameters["version"] = package.Version;
        parameters["source"] = package.Folder;

        var run = await PipelineTemplate.Load().RunAsync(parameters, variables, agent);

        Assert.True(run.Steps.Count == 2, string.Join("\n", run.Steps));
        Assert.True(run.Steps[0].ExitCode == 0, run.Steps[0].ToString());
        Assert.Contains(run.Steps[0].StdoutLines, l => l.StartsWith(package.Version, StringComparison.Ordinal));
        return run;
    }
}
