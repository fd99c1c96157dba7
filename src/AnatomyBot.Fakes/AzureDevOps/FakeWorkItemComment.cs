namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>One comment in a work item's discussion: its text as written (<c>markdown</c> or <c>html</c>), its author
/// (the bot's identity when created through the API, unless a test gives another) and its version (1, then one more per edit).</summary>
public sealed class FakeWorkItemComment
{
    public required int Id { get; init; }

    public required string Text { get; set; }

    /// <summary><c>markdown</c> or <c>html</c>, as the <c>format</c> query parameter of the write said.</summary>
    public string Format { get; set; } = "markdown";

    /// <summary>The author's unique name (an e-mail address).</summary>
    public string Author { get; init; } = FakeAzureDevOps.BotUniqueName;

    public int Version { get; set; } = 1;

    public bool IsDeleted { get; set; }
}
