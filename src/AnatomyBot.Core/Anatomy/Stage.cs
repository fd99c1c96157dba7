namespace AnatomyBot.Core.Anatomy;

/// <summary>P2: one stage of a value stream, with its decision sequence and the P3 logic that executes it.</summary>
public sealed record Stage : AnatomyElement
{
    /// <summary>Id of the value stream this stage belongs to.</summary>
    public required string ValueStreamId { get; init; }

    /// <summary>Zero-based position of the stage in its value stream.</summary>
    public int Order { get; init; }

    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>Outcomes (P1) this stage serves in addition to its value stream's.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Ids of the logic (P3) that executes this stage.</summary>
    public IReadOnlyList<string> Logic { get; init; } = [];

    public override Layer Layer => Layer.Stage;
}
