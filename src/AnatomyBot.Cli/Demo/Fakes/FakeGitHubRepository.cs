namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>One repository in the fake GitHub: its files at the default branch, issues and pull requests, label
/// definitions and check runs. Every member is guarded by the owning <see cref="FakeGitHub"/>'s lock.</summary>
internal sealed class FakeGitHubRepository(string owner, string name)
{
    public string Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName => $"{Owner}/{Name}";

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<int, FakeIssue> Issues { get; } = [];

    /// <summary>Label name → (colour, description).</summary>
    public Dictionary<string, (string Color, string Description)> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<FakeCheckRun> CheckRuns { get; } = [];
}
