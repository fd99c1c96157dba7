using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>What an Azure Pipelines agent gives a job, in a temporary folder: the sources directory (a checkout
/// holding the files the test writes, and a <c>nuget.config</c> that clears every package source, as a repository may
/// have), the agent's temporary directory, and the variables the agent sets for every step.</summary>
internal sealed class AzureAgent : IDisposable
{
    public const string CollectionUri = "https://dev.azure.com/contoso/";

    public const string TeamProject = "Onboarding";

    private readonly TempDirectory _root = new();

    public AzureAgent(string agentTemp)
    {
        SourcesDirectory = Directory.CreateDirectory(Path.Combine(_root.Path, "1", "s")).FullName;
        ToolPackage.WriteNuGetConfigWithoutSources(SourcesDirectory);
        Environment = new Dictionary<string, string>
        {
            ["TF_BUILD"] = "True",
            ["AGENT_OS"] = OperatingSystem.IsWindows() ? "Windows_NT" : OperatingSystem.IsMacOS() ? "Darwin" : "Linux",
            ["AGENT_TEMPDIRECTORY"] = agentTemp,
            ["BUILD_SOURCESDIRECTORY"] = SourcesDirectory,
            ["BUILD_REPOSITORY_PROVIDER"] = "TfsGit",
            ["BUILD_REASON"] = "PullRequest",
            ["SYSTEM_COLLECTIONURI"] = CollectionUri,
            ["SYSTEM_TEAMFOUNDATIONCOLLECTIONURI"] = CollectionUri,
            ["SYSTEM_TEAMPROJECT"] = TeamProject,
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "7",
            ["DOTNET_ROOT"] = ToolPackage.DotnetRoot(),
            ["NUGET_PACKAGES"] = Path.Combine(_root.Path, "nuget-packages"),
        };
    }

    public string SourcesDirectory { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The pipeline variables the template's macros read.</summary>
    public static IReadOnlyDictionary<string, string> Variables(string accessToken) => new Dictionary<string, string>
    {
        ["System.CollectionUri"] = CollectionUri,
        ["System.TeamProject"] = TeamProject,
        ["System.AccessToken"] = accessToken,
    };

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(SourcesDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _root.Dispose();
}
