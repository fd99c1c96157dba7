namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>The state of the fake Azure DevOps organisation: one project with its work items, one repository's pull
/// requests, and repository files (the anatomy). The demo script changes it as people would; the bot's writes land in it.
/// Routes accept project and repository by name or id, as Azure DevOps does.</summary>
internal sealed class FakeAzureDevOps(string organization, string project)
{
    private int _nextId = 500;

    public Lock Gate { get; } = new();

    public string Organization { get; } = organization;

    public string Project { get; } = project;

    public string ProjectId { get; } = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";

    /// <summary>The repository the pull requests live in.</summary>
    public string PullRequestRepository { get; set; } = "";

    /// <summary>Repository name → id.</summary>
    public Dictionary<string, string> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<int, FakeWorkItem> WorkItems { get; } = [];

    public SortedDictionary<int, FakeAzurePullRequest> PullRequests { get; } = [];

    /// <summary>(repository name, path) → text.</summary>
    public Dictionary<(string Repository, string Path), string> Files { get; } = [];

    /// <summary>Writes the bot made (method and path), in order.</summary>
    public List<string> Writes { get; } = [];

    public int NextId() => Interlocked.Increment(ref _nextId);

    public bool IsProject(string nameOrId) =>
        string.Equals(nameOrId, Project, StringComparison.OrdinalIgnoreCase) || string.Equals(nameOrId, ProjectId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository's name, given its name or id; null when there is no such repository.</summary>
    public string? RepositoryName(string nameOrId) =>
        Repositories.Keys.FirstOrDefault(n => string.Equals(n, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Repositories[n], nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a person sees: a work item's tags, or a pull request's threads and newest bot status.</summary>
    public (string? Tags, IReadOnlyList<FakeAzureThread> Threads, FakeAzureStatus? Status) View(int id, bool pullRequest)
    {
        lock (Gate)
        {
            if (!pullRequest)
            {
                return (WorkItems[id].Tags, [], null);
            }

            var pr = PullRequests[id];
            return (null, [.. pr.Threads], pr.Statuses.Where(s => s.Genre == "anatomybot" && s.Name == "linkage").MaxBy(s => s.Id));
        }
    }

    internal void RecordWrite(string method, string path)
    {
        lock (Gate)
        {
            Writes.Add($"{method} {path}");
        }
    }
}
