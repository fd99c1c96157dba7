namespace AnatomyBot.Core.Reconcile;

public enum CommentChangeKind
{
    None,
    Create,
    Update,
}

/// <summary>Create the sticky comment, update it in place (by <see cref="ExistingId"/>), or leave it.</summary>
public sealed record CommentChange(CommentChangeKind Kind, string? Body = null, string? ExistingId = null, bool Resolved = false)
{
    public static CommentChange None { get; } = new(CommentChangeKind.None);
}
