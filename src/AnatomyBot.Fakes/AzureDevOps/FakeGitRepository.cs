namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A Git repository of the project: its files on the default branch and as they were at given commits.</summary>
public sealed class FakeGitRepository(string name, string id)
{
    public string Name { get; } = name;

    public string Id { get; } = id;

    /// <summary>The project's name; null for the fake's own project.</summary>
    public string? Project { get; set; }

    /// <summary>Files on the default branch: path (with its leading <c>/</c>) → text.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Files at a commit: <c>Commits[commitId][path]</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> Commits { get; } = new(StringComparer.OrdinalIgnoreCase);
}
