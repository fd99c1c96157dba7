namespace AnatomyBot.Fakes.GitHub;

/// <summary>A check run on a commit, with its output's title and summary.</summary>
public sealed record FakeCheckRun(long Id, string Name, string HeadSha, string Status, string? Conclusion, string? Title, string? Summary)
{
    public string? Text { get; init; }

    /// <summary>The slug of the app that created the run; null for the fake's App (<see cref="FakeGitHub.AppSlug"/>).</summary>
    public string? AppSlug { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
