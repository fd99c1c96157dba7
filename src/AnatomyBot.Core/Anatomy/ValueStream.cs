namespace AnatomyBot.Core.Anatomy;

/// <summary>P2: a value stream, the outcomes it serves and its ordered stages.</summary>
public sealed record ValueStream
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Ids of the outcomes (P1) the whole stream serves.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public IReadOnlyList<Stage> Stages { get; init; } = [];

    public SourcePosition Position { get; init; }
}
