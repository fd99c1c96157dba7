namespace AnatomyBot.Core.Reconcile;

/// <summary>What the item looks like now, as read from the platform.</summary>
public sealed record CurrentState
{
    /// <summary>All labels/tags on the item (the planner keeps only the ones the bot owns).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The bot's existing comment (found by its marker), or null.</summary>
    public ExistingComment? Comment { get; init; }

    /// <summary>The bot's existing check/status for the current head, or null.</summary>
    public CheckState? Check { get; init; }

    public static CurrentState Empty { get; } = new();
}
