using AnatomyBot.Fakes;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>A platform's fake API on loopback with pull requests to deliver events for, as the reliability tests use it:
/// GitHub (<see cref="GitHubFleet"/>) or Azure DevOps (<see cref="AzureDevOpsFleet"/>).</summary>
internal interface IReliabilityFleet : IAsyncDisposable
{
    FakeApiServer Api { get; }

    IReadOnlyList<FleetPullRequest> PullRequests { get; }

    /// <summary>The requests that changed state on the platform, in order.</summary>
    IReadOnlyList<RecordedRequest> Writes { get; }

    /// <summary>Points the pull request at a fully linked work item (its check should pass) or at one without its
    /// component (it should fail), as a developer would.</summary>
    void Link(FleetPullRequest pr, bool complete);

    /// <summary>A webhook delivery for the pull request's current state, with a fresh delivery id, authenticated with
    /// <paramref name="secret"/> as the platform does.</summary>
    WebhookRequest Delivery(string secret, FleetPullRequest pr, string action);

    /// <summary>The settings serve needs for this platform (keys as in a JSON configuration file).</summary>
    void Configure(IDictionary<string, string?> settings, string secret, string token);

    /// <summary>Every pull request has exactly one bot comment or thread and the check or status its links call for;
    /// the problems found, empty when the end state is right.</summary>
    IReadOnlyList<string> EndStateProblems();
}
