namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads one entry of <c>outcomes</c> (P1).</summary>
internal static class OutcomeReader
{
    public static readonly string[] Keys = ["id", "name", "description", "metric", "target", "owner", "aliases"];

    public static Outcome? Read(MappingNode map, string path, ReadContext context)
    {
        var reader = new MapReader(map, path, context.Diagnostics, Keys);
        var header = ElementHeader.Read(reader, context, ReadContext.OutcomeKind);
        var metric = reader.Text("metric", allowNumber: true, elementId: header?.Id);
        var target = reader.Text("target", allowNumber: true, elementId: header?.Id);
        var owner = reader.Text("owner", elementId: header?.Id);
        return header is null
            ? null
            : new Outcome
            {
                Id = header.Id,
                Name = header.Name,
                Description = header.Description,
                Aliases = header.Aliases,
                Position = header.Position,
                Metric = metric,
                Target = target,
                Owner = owner,
            };
    }
}
