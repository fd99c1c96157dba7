namespace AnatomyBot.Core.Anatomy;

/// <summary>P3: a piece of system logic (rule, data, event, timing, exception, integration, UI action, workflow)
/// and the P4 components that make it real.</summary>
public sealed record LogicElement : AnatomyElement
{
    public required LogicKind Kind { get; init; }

    /// <summary>Ids of the components (P4) that realise this logic.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    public override Layer Layer => Layer.Logic;
}
