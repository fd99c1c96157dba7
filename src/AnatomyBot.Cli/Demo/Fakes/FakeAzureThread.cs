namespace AnatomyBot.Cli.Demo.Fakes;

/// <summary>A comment thread (<c>active</c>, <c>closed</c>, …) and its comments.</summary>
internal sealed class FakeAzureThread
{
    public required int Id { get; init; }

    public string Status { get; set; } = "active";

    public List<FakeAzureComment> Comments { get; } = [];
}
