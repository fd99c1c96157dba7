namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>A work item held by the fake Azure DevOps: the fields the channel reads, the revision its tag writes are
/// guarded by, its parent, and the pull requests linked to it (artifact links).</summary>
internal sealed class FakeWorkItem
{
    public required int Id { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public string Description { get; set; } = "";

    /// <summary><c>System.Tags</c> as Azure DevOps stores it (<c>a; b</c>), or null when the item has none.</summary>
    public string? Tags { get; set; }

    public int Rev { get; set; } = 1;

    public int? Parent { get; init; }

    public string State { get; set; } = "New";

    /// <summary>Pull requests linking to the item (<c>vstfs:///Git/PullRequestId/…</c> artifact links).</summary>
    public List<int> PullRequests { get; } = [];
}
