namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>The keys every element shares: id, name, description, aliases, and the element's position.</summary>
internal sealed record ElementHeader(string Id, string Name, string? Description, IReadOnlyList<string> Aliases, SourcePosition Position)
{
    /// <summary>Reads the shared keys; null when id or name is missing (the errors are already reported).</summary>
    public static ElementHeader? Read(MapReader reader, ReadContext context, string kind)
    {
        var id = context.DeclareId(reader, kind);
        var name = reader.Text("name", required: true, elementId: id);
        var description = reader.Text("description", elementId: id);
        var aliases = reader.Strings("aliases", id);
        return id is null || name is null ? null : new ElementHeader(id, name, description, aliases, reader.Map.Position);
    }
}
