namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>A YAML node with its position: the parser's own small tree, built from YamlDotNet events with limits.</summary>
internal abstract record Node(SourcePosition Position)
{
    /// <summary>How a person names this shape in an error message.</summary>
    public abstract string Shape { get; }
}
