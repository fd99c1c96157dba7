namespace AnatomyBot.AzureDevOps.Tests.Fakes;

internal sealed class FakeWorkItem
{
    public required int Id { get; init; }

    public int Rev { get; set; } = 1;

    public string Type { get; init; } = "User Story";

    public string Title { get; init; } = "Untitled";

    public string State { get; set; } = "Active";

    public string Description { get; set; } = "";

    public string? Tags { get; set; }

    public int? Parent { get; set; }

    public List<int> Children { get; } = [];

    public List<(string ProjectId, string RepositoryId, int Number)> PullRequestLinks { get; } = [];

    public Dictionary<string, string> Fields { get; } = [];
}

internal sealed class FakePullRequest
{
    public string ProjectId { get; init; } = FakeAzureDevOps.ProjectId;

    public string RepositoryId { get; init; } = FakeAzureDevOps.RepositoryId;

    public string RepositoryName { get; init; } = "Web";

    public required int Number { get; init; }

    public string Title { get; init; } = "A change";

    public string Description { get; set; } = "";

    public string Status { get; set; } = "active";

    public string Author { get; init; } = "dev@contoso.com";

    public List<int> WorkItemIds { get; } = [];

    public List<string> Labels { get; } = [];

    public int Iterations { get; set; } = 1;

    public List<string> ChangedPaths { get; } = [];

    public List<FakeThread> Threads { get; } = [];

    public List<FakeStatus> Statuses { get; } = [];
}

internal sealed class FakeThread
{
    public required int Id { get; init; }

    public string Status { get; set; } = "active";

    public bool IsDeleted { get; set; }

    public List<FakeComment> Comments { get; } = [];
}

internal sealed class FakeComment
{
    public required int Id { get; init; }

    public required string Content { get; set; }

    public bool IsDeleted { get; set; }
}

internal sealed record FakeStatus(int Id, int IterationId, string State, string Description, string Genre, string Name);
