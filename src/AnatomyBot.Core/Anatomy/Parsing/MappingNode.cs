namespace AnatomyBot.Core.Anatomy.Parsing;

internal sealed record MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, Node>> Entries, SourcePosition Position) : Node(Position)
{
    public override string Shape => "a mapping";
}
