namespace AnatomyBot.Core.Anatomy;

/// <summary>P4: a component specification, the source files that implement it, and how it is operated.</summary>
public sealed record Component : AnatomyElement
{
    public required ComponentKind Kind { get; init; }

    /// <summary>Repository path or URL of the component specification; null when missing (a lint finding).</summary>
    public string? Spec { get; init; }

    /// <summary>CODEOWNERS-style glob patterns of the files that implement the component.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> Owners { get; init; } = [];

    public ComponentOperations? Operations { get; init; }

    public override Layer Layer => Layer.Component;
}
