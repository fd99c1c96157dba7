namespace AnatomyBot.Core.Anatomy;

/// <summary>What every element of the anatomy has: an id unique across the file (matched case-insensitively),
/// a name, optional description and aliases (words used to rank suggestions), and where it was declared.</summary>
public abstract record AnatomyElement
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public SourcePosition Position { get; init; }

    public abstract Layer Layer { get; }
}
