namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A work item held by the fake Azure DevOps: the fields the channel reads, the revision its tag writes are
/// guarded by, its parent, and the pull requests linked to it (artifact links). Children are the items naming it as parent.</summary>
public sealed class FakeWorkItem
{
    public required int Id { get; init; }

    public int Rev { get; set; } = 1;

    public string Type { get; init; } = "User Story";

    /// <summary>The project's name (<c>System.TeamProject</c>); null for the fake's own project.</summary>
    public string? Project { get; init; }

    public string Title { get; init; } = "Untitled";

    public string State { get; set; } = "Active";

    public string Description { get; set; } = "";

    /// <summary><c>System.Tags</c> as Azure DevOps stores it (<c>a; b</c>), or null when the item has none.</summary>
    public string? Tags { get; set; }

    public int? Parent { get; set; }

    public string CreatedBy { get; init; } = "pat.po@contoso.example";

    /// <summary>Pull requests linking to the item (<c>vstfs:///Git/PullRequestId/…</c> artifact links).</summary>
    public List<(string ProjectId, string RepositoryId, int Number)> PullRequestLinks { get; } = [];

    /// <summary>The work item's discussion, oldest first (deleted comments stay, flagged).</summary>
    public List<FakeWorkItemComment> Comments { get; } = [];

    /// <summary>The comment each revision added or edited, by revision: its id and the version it reached
    /// (<c>commentVersionRef</c>).</summary>
    public Dictionary<int, (int CommentId, int Version)> CommentRevisions { get; } = [];

    /// <summary>Further fields by reference name (custom fields, <c>Microsoft.VSTS.*</c>).</summary>
    public Dictionary<string, string> Fields { get; } = [];
}
