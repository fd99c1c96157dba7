namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>A pull request held by the fake Azure DevOps, with its comment threads and iteration statuses.</summary>
internal sealed class FakeAzurePullRequest
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public string Description { get; set; } = "";

    public required string Author { get; init; }

    public string Status { get; set; } = "active";

    /// <summary>Iterations are numbered from 1; statuses attach to the latest.</summary>
    public int Iterations { get; set; } = 1;

    public List<int> WorkItems { get; } = [];

    public List<string> Files { get; } = [];

    public List<FakeAzureThread> Threads { get; } = [];

    public List<FakeAzureStatus> Statuses { get; } = [];
}
