namespace AnatomyBot.Fakes.GitHub;

/// <summary>One repository in the fake GitHub: its files on the default branch, issues and pull requests, label
/// definitions and check runs. Every member is guarded by the owning <see cref="FakeGitHub"/>'s lock.</summary>
public sealed class FakeGitHubRepository(string owner, string name, long id)
{
    public string Owner { get; } = owner;

    public string Name { get; } = name;

    public long Id { get; } = id;

    public string FullName => $"{Owner}/{Name}";

    public string DefaultBranch { get; set; } = "main";

    /// <summary>The status checks branch protection requires on <see cref="DefaultBranch"/>; null when it is not protected.</summary>
    public List<string>? RequiredStatusChecks { get; set; }

    /// <summary>Files on the default branch: path (no leading slash) → text.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Files at earlier commits, for <c>?ref=</c> reads: commit SHA → path → text. A ref that is neither the
    /// default branch nor one of these reads <see cref="Files"/>, except a full SHA, which is not found.</summary>
    public Dictionary<string, Dictionary<string, string>> FilesAt { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<int, FakeIssue> Issues { get; } = [];

    /// <summary>Label definitions: name → colour (six hex digits) and description.</summary>
    public Dictionary<string, (string Color, string? Description)> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<FakeCheckRun> CheckRuns { get; } = [];

    /// <summary>Commit statuses, oldest first.</summary>
    public List<FakeCommitStatus> Statuses { get; } = [];
}
