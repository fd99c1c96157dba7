namespace AnatomyBot.Core.Anatomy.Parsing;

internal sealed record SequenceNode(IReadOnlyList<Node> Items, SourcePosition Position) : Node(Position)
{
    public override string Shape => "a list";
}
