namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>One comment of a thread, by the bot unless another author is given.</summary>
public sealed class FakeThreadComment
{
    public required int Id { get; init; }

    public required string Content { get; set; }

    public bool IsDeleted { get; set; }

    public string Author { get; init; } = "AnatomyBot";
}
