namespace AnatomyBot.Fakes.GitHub;

/// <summary>An issue or pull request held by the fake GitHub (a pull request is an issue with a head commit).</summary>
public sealed class FakeIssue
{
    public required int Number { get; init; }

    public string Title { get; set; } = "Untitled";

    public string? Body { get; set; } = "";

    public bool IsPullRequest { get; init; }

    /// <summary><c>open</c>, <c>closed</c>, or (pull requests) <c>merged</c>.</summary>
    public string State { get; set; } = "open";

    public string Author { get; init; } = "dana-dev";

    /// <summary>The issue type's name (<c>Epic</c>, <c>Feature</c>, …), when the organisation uses issue types.</summary>
    public string? Type { get; set; }

    public List<string> Labels { get; } = [];

    public List<FakeIssueComment> Comments { get; } = [];

    /// <summary>Pull requests: the head commit (check runs attach to it), the head repository when it is a fork
    /// (<c>owner/name</c>), and the changed files.</summary>
    public string HeadSha { get; set; } = "";

    public string? HeadRepository { get; set; }

    public List<string> Files { get; } = [];

    /// <summary>The sub-issue parent's number, when the issue is a sub-issue.</summary>
    public int? Parent { get; set; }

    /// <summary>A deleted issue: GitHub answers <c>410 Gone</c>.</summary>
    public bool Deleted { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When a closed item was closed (a merged pull request: merged); a day after <see cref="CreatedAt"/> unless set.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    internal DateTimeOffset ClosedTime => ClosedAt ?? CreatedAt.AddDays(1);
}
