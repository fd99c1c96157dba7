namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>One comment of a thread, by the bot unless another author is given (a name, or a sign-in address).</summary>
public sealed class FakeThreadComment
{
    public required int Id { get; init; }

    public required string Content { get; set; }

    public bool IsDeleted { get; set; }

    public string Author { get; init; } = "AnatomyBot";

    /// <summary>The comment it answers; 0 for a thread's first comment.</summary>
    public int ParentCommentId { get; init; }

    /// <summary>Its text was changed after it was published (<c>lastContentUpdatedDate</c> later than <c>publishedDate</c>).</summary>
    public bool Edited { get; set; }
}
