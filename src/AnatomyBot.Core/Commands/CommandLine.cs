namespace AnatomyBot.Core.Commands;

/// <summary>One <c>/anatomy</c> line of a comment: the command it is, or what is wrong with it (<see cref="Problem"/>),
/// or an unknown command (<see cref="Unknown"/>).</summary>
public sealed record CommandLine
{
    /// <summary>The line as written (trimmed, at most <see cref="CommentCommands.MaxLineLength"/> characters).</summary>
    public required string Text { get; init; }

    public AnatomyCommand? Command { get; init; }

    /// <summary>Why the line is not a well-formed command, exactly.</summary>
    public string? Problem { get; init; }

    /// <summary>The word after <c>/anatomy</c> is no command (or there is none).</summary>
    public bool Unknown { get; init; }
}
