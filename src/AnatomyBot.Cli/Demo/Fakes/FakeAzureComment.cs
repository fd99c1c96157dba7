namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>One comment of a thread.</summary>
internal sealed class FakeAzureComment
{
    public required int Id { get; init; }

    public required string Content { get; set; }
}
