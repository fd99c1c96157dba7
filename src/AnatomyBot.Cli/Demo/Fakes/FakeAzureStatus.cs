namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>A pull-request status posted on an iteration (the newest of a genre/name is the one branch policies read).</summary>
internal sealed record FakeAzureStatus(int Id, int IterationId, string State, string Description, string Genre, string Name);
