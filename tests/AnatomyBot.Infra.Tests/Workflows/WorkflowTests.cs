using AnatomyBot.Infra.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Infra.Tests.Workflows;

/// <summary>The GitHub workflows (<c>.github/workflows/*.yml</c>) and the action (<c>action.yml</c>), checked offline:
/// valid YAML, jobs made of steps that each use an action or run a script, and every repository path a step names
/// (in <c>run</c>, <c>with</c> or <c>working-directory</c>, or a local <c>uses: ./…</c>) exists.</summary>
public sealed class WorkflowTests
{
    public static TheoryData<string> WorkflowFiles => [.. Workflows()];

    public static TheoryData<string> StepFiles => [.. Workflows(), "action.yml"];

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Workflow_IsValidYamlWithTriggersAndJobsOfSteps(string file)
    {
        var workflow = YamlFile.Load(Path.Combine(InfraPaths.Root, file));

        Assert.NotNull(workflow.Child("on"));
        var jobs = workflow.Map("jobs").Entries().ToList();
        Assert.NotEmpty(jobs);
        foreach (var (name, job) in jobs)
        {
            Assert.True(job.Text("runs-on") is { Length: > 0 }, $"{file}: job {name} has no runs-on");
            Assert.All(job.Steps(), step => Assert.True(step.Child("uses") is null != (step.Child("run") is null), $"{file}: a step of {name} (line {step.Start.Line}) must either use an action or run a script"));
        }
    }

    [Theory]
    [MemberData(nameof(StepFiles))]
    public void Steps_NameOnlyRepositoryPathsThatExist(string file)
    {
        var steps = Steps(YamlFile.Load(Path.Combine(InfraPaths.Root, file))).ToList();
        Assert.NotEmpty(steps);

        var missing = new List<string>();
        foreach (var step in steps)
        {
            var texts = new List<string?> { step.Text("run"), step.Text("working-directory") };
            if (step.Child("with") is YamlMappingNode with)
            {
                texts.AddRange(with.Children.Values.OfType<YamlScalarNode>().Select(v => v.Value));
            }

            missing.AddRange(texts.OfType<string>().SelectMany(t => RepositoryPaths.Missing(t, InfraPaths.Root)).Select(p => $"line {step.Start.Line}: {p}"));
            if (step.Text("working-directory") is { } folder && !folder.Contains('$', StringComparison.Ordinal))
            {
                Assert.True(Directory.Exists(Path.Combine(InfraPaths.Root, folder)), $"{file} line {step.Start.Line}: working-directory {folder} does not exist");
            }

            if (step.Text("uses") is { } uses && uses.StartsWith("./", StringComparison.Ordinal))
            {
                Assert.True(File.Exists(Path.Combine(InfraPaths.Root, uses, "action.yml")), $"{file} line {step.Start.Line}: {uses} is not a local action");
            }
        }

        Assert.True(missing.Count == 0, $"{file} names paths that do not exist:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("dotnet publish src/AnatomyBot.Nowhere -c Release -o out/functions", "src/AnatomyBot.Nowhere")]
    [InlineData("bash \"$GITHUB_ACTION_PATH/action/missing.sh\"", "action/missing.sh")]
    [InlineData("az deployment group create --template-file infra/none.bicep --parameters ./infra/none.bicepparam", "infra/none.bicep infra/none.bicepparam")]
    [InlineData("dotnet pack src/AnatomyBot.Cli -o out/tool -p:Version=\"${GITHUB_REF_NAME#v}\" && gh release create x out/tool/*.nupkg", "")]
    public void Missing_Script_ReportsExactlyTheAbsentRepositoryPaths(string script, string expected)
    {
        Assert.Equal(expected, string.Join(' ', RepositoryPaths.Missing(script, InfraPaths.Root)));
    }

    [Fact]
    public void Deploy_LogsInWithOpenIdConnect_PreviewsWithWhatIfOnPullRequests_DeploysOnTags()
    {
        var workflow = YamlFile.Load(Path.Combine(InfraPaths.Root, ".github", "workflows", "deploy.yml"));
        var jobs = workflow.Map("jobs");

        Assert.Equal("write", workflow.Map("permissions").Text("id-token"));
        Assert.NotNull(workflow.Map("on").Child("pull_request"));
        Assert.Equal("v*", Assert.Single(((YamlSequenceNode)workflow.Map("on").Map("push").Child("tags")!).Children).ToString());
        foreach (var (name, job) in jobs.Entries())
        {
            var login = Assert.Single(job.Steps(), s => s.Text("uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true).Map("with");
            Assert.True(login.Child("creds") is null, $"{name}: azure/login must use OpenID Connect, not stored credentials");
            Assert.All(new[] { "client-id", "tenant-id", "subscription-id" }, key => Assert.NotNull(login.Text(key)));
        }

        var whatIf = jobs.Map("what-if");
        Assert.Contains("pull_request", whatIf.Text("if"), StringComparison.Ordinal);
        Assert.Contains(whatIf.Steps(), s => s.Text("run")?.Contains("az deployment group what-if", StringComparison.Ordinal) == true);
        var deploy = jobs.Map("deploy");
        Assert.Contains("refs/tags/v", deploy.Text("if"), StringComparison.Ordinal);
        var scripts = string.Join('\n', deploy.Steps().Select(s => s.Text("run")).OfType<string>());
        Assert.Contains("az deployment group create", scripts, StringComparison.Ordinal);
        Assert.Contains("--parameters infra/environment.bicepparam", scripts, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/AnatomyBot.Functions", scripts, StringComparison.Ordinal);
        Assert.Contains("az functionapp deployment source config-zip", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_OnTags_PacksTheThreeToolPackagesOnLinuxX64TestsTheNativeOneAndAttachesThemAndTheFunctionsZip()
    {
        var workflow = YamlFile.Load(Path.Combine(InfraPaths.Root, ".github", "workflows", "release.yml"));

        Assert.Equal("v*", Assert.Single(((YamlSequenceNode)workflow.Map("on").Map("push").Child("tags")!).Children).ToString());
        Assert.Equal("write", workflow.Map("permissions").Text("contents"));
        var job = Assert.Single(workflow.Map("jobs").Entries()).Value;
        Assert.Equal("ubuntu-latest", job.Text("runs-on"));
        var scripts = string.Join('\n', job.Steps().Select(s => s.Text("run")).OfType<string>());
        Assert.Contains("dotnet pack src/AnatomyBot.Cli -c Release --no-build -o out/feed", scripts, StringComparison.Ordinal);
        Assert.Contains("dotnet pack src/AnatomyBot.Cli -c Release -r any -p:PublishAot=false -o out/feed", scripts, StringComparison.Ordinal);
        Assert.Contains("dotnet pack src/AnatomyBot.Cli -c Release -r linux-x64 -o out/feed", scripts, StringComparison.Ordinal);
        Assert.Contains("bash tests/native-tool.sh out", scripts, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/AnatomyBot.Functions", scripts, StringComparison.Ordinal);
        Assert.Contains("gh release create \"$GITHUB_REF_NAME\" out/feed/AnatomyBot.*.nupkg \"out/anatomybot-functions-$GITHUB_REF_NAME.zip\"", scripts, StringComparison.Ordinal);
        Assert.Contains("out/feed/AnatomyBot.linux-x64.*.nupkg out/feed/AnatomyBot.any.*.nupkg out/feed/AnatomyBot.[0-9]*.nupkg", scripts, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Workflows() =>
        Directory.EnumerateFiles(Path.Combine(InfraPaths.Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).Select(InfraPaths.Relative);

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode file) => file.Child("jobs") is YamlMappingNode jobs
        ? jobs.Entries().SelectMany(j => j.Value.Steps())
        : file.Map("runs").Steps();
}
