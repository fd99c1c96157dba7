namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A pull request status posted on an iteration (the newest of a genre and name is the one branch policies read),
/// by the bot unless another author's sign-in address is given.</summary>
public sealed record FakePullRequestStatus(int Id, int IterationId, string State, string Description, string Genre, string Name, string CreatedBy = FakeAzureDevOps.BotUniqueName);
