namespace AnatomyBot.Core.Anatomy;

/// <summary>P1: what must improve, measured by <see cref="Metric"/> against <see cref="Target"/>.</summary>
public sealed record Outcome : AnatomyElement
{
    public string? Metric { get; init; }

    public string? Target { get; init; }

    public string? Owner { get; init; }

    public override Layer Layer => Layer.Outcome;
}
