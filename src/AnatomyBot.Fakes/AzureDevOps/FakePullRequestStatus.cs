namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A pull request status posted on an iteration (the newest of a genre and name is the one branch policies read).</summary>
public sealed record FakePullRequestStatus(int Id, int IterationId, string State, string Description, string Genre, string Name);
