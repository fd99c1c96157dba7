namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>The state of the fake GitHub: repositories with files, issues, pull requests, comments, labels and check runs.
/// The demo script changes it as people would (open an issue, edit a PR body) and the bot's writes land in it.</summary>
internal sealed class FakeGitHub
{
    private long _nextId = 900_000;

    public Lock Gate { get; } = new();

    public Dictionary<string, FakeGitHubRepository> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the bot made (method and path), in order.</summary>
    public List<string> Writes { get; } = [];

    public FakeGitHubRepository Repository(string owner, string name)
    {
        lock (Gate)
        {
            var key = $"{owner}/{name}";
            if (!Repositories.TryGetValue(key, out var repo))
            {
                repo = new FakeGitHubRepository(owner, name);
                Repositories[key] = repo;
            }

            return repo;
        }
    }

    public FakeGitHubRepository? Find(string owner, string name)
    {
        lock (Gate)
        {
            return Repositories.GetValueOrDefault($"{owner}/{name}");
        }
    }

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>What a person sees on an item: its labels, the bot's comments and the latest check run on its head.</summary>
    public (IReadOnlyList<string> Labels, IReadOnlyList<FakeComment> Comments, FakeCheckRun? Check) View(string owner, string name, int number)
    {
        lock (Gate)
        {
            var repo = Repositories[$"{owner}/{name}"];
            var issue = repo.Issues[number];
            var check = issue.IsPullRequest ? repo.CheckRuns.LastOrDefault(r => r.HeadSha == issue.HeadSha) : null;
            return ([.. issue.Labels], [.. issue.Comments], check);
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
