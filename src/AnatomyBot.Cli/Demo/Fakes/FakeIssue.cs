namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>An issue or pull request held by the fake GitHub API.</summary>
internal sealed class FakeIssue
{
    public required int Number { get; init; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    public bool IsPullRequest { get; init; }

    public string State { get; set; } = "open";

    public string Author { get; init; } = "dana-dev";

    public List<string> Labels { get; } = [];

    public List<FakeComment> Comments { get; } = [];

    /// <summary>Pull requests: the head commit (check runs attach to it) and the changed files.</summary>
    public string HeadSha { get; set; } = "";

    public List<string> Files { get; } = [];

    /// <summary>Sub-issue parent number, when set.</summary>
    public int? Parent { get; set; }
}

internal sealed record FakeComment(long Id, string Body, string Author);

internal sealed record FakeCheckRun(long Id, string Name, string HeadSha, string Status, string? Conclusion, string Title, string Summary);
