using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>What a GitHub-hosted runner gives a job, in a temporary folder: the workspace (a checkout holding the
/// files the test writes, and a <c>nuget.config</c> that clears every package source, as a repository may have), the
/// event payload of a pull request, and the files behind <c>GITHUB_STEP_SUMMARY</c>, <c>GITHUB_PATH</c>,
/// <c>GITHUB_ENV</c> and <c>GITHUB_OUTPUT</c>, with the variables the runner sets.</summary>
internal sealed class GitHubRunner : IDisposable
{
    public const string Repository = "contoso/onboarding";

    private readonly TempDirectory _root = new();

    public GitHubRunner(string runnerTemp)
    {
        Workspace = Directory.CreateDirectory(Path.Combine(_root.Path, "work", "onboarding")).FullName;
        ToolPackage.WriteNuGetConfigWithoutSources(Workspace);
        var files = Directory.CreateDirectory(Path.Combine(_root.Path, "_runner_file_commands")).FullName;
        SummaryFile = Touch(Path.Combine(files, "step_summary"));
        PathFile = Touch(Path.Combine(files, "add_path"));
        var eventFile = Path.Combine(_root.Path, "event.json");
        File.WriteAllText(eventFile, $$"""{ "action": "synchronize", "number": 7, "pull_request": { "number": 7, "state": "open" }, "repository": { "full_name": "{{Repository}}" } }""");
        Environment = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_ACTION_PATH"] = RepoPaths.Root,
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_API_URL"] = "https://api.github.com",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = eventFile,
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_PATH"] = PathFile,
            ["GITHUB_ENV"] = Touch(Path.Combine(files, "set_env")),
            ["GITHUB_OUTPUT"] = Touch(Path.Combine(files, "set_output")),
            ["RUNNER_OS"] = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux",
            ["RUNNER_TEMP"] = runnerTemp,
            ["DOTNET_ROOT"] = ToolPackage.DotnetRoot(),
            ["NUGET_PACKAGES"] = Path.Combine(_root.Path, "nuget-packages"),
        };
    }

    public string Workspace { get; }

    public string SummaryFile { get; }

    public string PathFile { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The PATH of the next step: each folder appended to <c>GITHUB_PATH</c> goes in front, the latest first.</summary>
    public string PathForNextStep()
    {
        var added = File.ReadAllLines(PathFile).Where(l => l.Length > 0).Reverse();
        return string.Join(Path.PathSeparator, [.. added, System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty]);
    }

    public string WriteFile(string name, string text) => Write(Path.Combine(Workspace, name), text);

    public void Dispose() => _root.Dispose();

    private static string Touch(string path) => Write(path, string.Empty);

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
