namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A pull request held by the fake Azure DevOps, with its linked work items, iterations and their changed
/// files, comment threads and iteration statuses.</summary>
public sealed class FakePullRequest
{
    public required int Number { get; init; }

    /// <summary>The repository's name; the fake knows its id (<see cref="FakeAzureDevOps.Repository(string, string?)"/>).</summary>
    public string RepositoryName { get; init; } = FakeAzureDevOps.DefaultRepository;

    public string Title { get; init; } = "A change";

    public string Description { get; set; } = "";

    /// <summary><c>active</c>, <c>abandoned</c> or <c>completed</c>.</summary>
    public string Status { get; set; } = "active";

    /// <summary>When it was completed or abandoned (<c>closedDate</c>); null while active.</summary>
    public DateTimeOffset? ClosedDate { get; set; }

    public string Author { get; init; } = "dev@contoso.com";

    public List<int> WorkItemIds { get; } = [];

    public List<string> Labels { get; } = [];

    /// <summary>Iterations are numbered from 1; statuses attach to the latest.</summary>
    public int Iterations { get; set; } = 1;

    public List<string> ChangedPaths { get; } = [];

    public List<FakeThread> Threads { get; } = [];

    public List<FakePullRequestStatus> Statuses { get; } = [];
}
