namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>A pull request of the <see cref="GitHubFleet"/>, with the check conclusion its current links call for.</summary>
internal sealed class FleetPullRequest(string owner, string repository, int number)
{
    public string Owner { get; } = owner;

    public string Repository { get; } = repository;

    public int Number { get; } = number;

    public string ExpectedConclusion { get; set; } = "";

    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
