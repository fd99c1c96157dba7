namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>A pull request of an <see cref="IReliabilityFleet"/>, with the check conclusion its current links call for.</summary>
internal sealed class FleetPullRequest(string owner, string repository, int number)
{
    public string Owner { get; } = owner;

    public string Repository { get; } = repository;

    public int Number { get; } = number;

    /// <summary>Whether it links the fully linked work item (set by the fleet's <c>Link</c>).</summary>
    public bool Complete { get; set; }

    /// <summary>The check conclusion or status state its links call for, as the platform spells it.</summary>
    public string ExpectedConclusion { get; set; } = "";

    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
