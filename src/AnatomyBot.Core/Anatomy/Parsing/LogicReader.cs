namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads one entry of <c>logic</c> (P3).</summary>
internal static class LogicReader
{
    public static readonly string[] Keys = ["id", "name", "kind", "description", "components", "aliases"];

    public static LogicElement? Read(MappingNode map, string path, ReadContext context)
    {
        var reader = new MapReader(map, path, context.Diagnostics, Keys);
        var header = ElementHeader.Read(reader, context, ReadContext.LogicKind);
        var kind = SectionReader.ReadCode<LogicKind>(reader, "kind", required: true, header?.Id);
        var components = context.ReadReferences(reader, "components", ReadContext.ComponentKind, header?.Id ?? path);
        return header is null || kind is null
            ? null
            : new LogicElement
            {
                Id = header.Id,
                Name = header.Name,
                Description = header.Description,
                Aliases = header.Aliases,
                Position = header.Position,
                Kind = kind.Value,
                Components = components,
            };
    }
}
