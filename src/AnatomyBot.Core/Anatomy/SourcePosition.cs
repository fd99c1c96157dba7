namespace AnatomyBot.Core.Anatomy;

/// <summary>A 1-based line and column in the anatomy file, used in every diagnostic.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None { get; } = new(0, 0);

    public override string ToString() => $"{Line}:{Column}";
}
