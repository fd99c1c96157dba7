namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads one entry of <c>valueStreams</c> (P2) with its ordered stages.</summary>
internal static class ValueStreamReader
{
    public static readonly string[] Keys = ["id", "name", "description", "outcomes", "stages", "aliases"];

    public static readonly string[] StageKeys = ["id", "name", "description", "decisions", "outcomes", "logic", "aliases"];

    public static ValueStream? Read(MappingNode map, string path, ReadContext context)
    {
        var reader = new MapReader(map, path, context.Diagnostics, Keys);
        var header = ElementHeader.Read(reader, context, ReadContext.ValueStreamKind);
        var owner = header?.Id ?? path;
        var outcomes = context.ReadReferences(reader, "outcomes", ReadContext.OutcomeKind, owner);
        var stages = SectionReader.ReadList(reader, "stages", (stageMap, stagePath) => ReadStage(stageMap, stagePath, context));
        if (header is null)
        {
            return null;
        }

        return new ValueStream
        {
            Id = header.Id,
            Name = header.Name,
            Description = header.Description,
            Aliases = header.Aliases,
            Position = header.Position,
            Outcomes = outcomes,
            Stages = [.. stages.Select((stage, order) => stage with { ValueStreamId = header.Id, Order = order })],
        };
    }

    private static Stage? ReadStage(MappingNode map, string path, ReadContext context)
    {
        var reader = new MapReader(map, path, context.Diagnostics, StageKeys);
        var header = ElementHeader.Read(reader, context, ReadContext.StageKind);
        var owner = header?.Id ?? path;
        var decisions = reader.Strings("decisions", header?.Id);
        var outcomes = context.ReadReferences(reader, "outcomes", ReadContext.OutcomeKind, owner);
        var logic = context.ReadReferences(reader, "logic", ReadContext.LogicKind, owner);
        return header is null
            ? null
            : new Stage
            {
                Id = header.Id,
                Name = header.Name,
                Description = header.Description,
                Aliases = header.Aliases,
                Position = header.Position,
                ValueStreamId = string.Empty,
                Decisions = decisions,
                Outcomes = outcomes,
                Logic = logic,
            };
    }
}
