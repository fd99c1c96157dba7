namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads one entry of <c>components</c> (P4), including its <c>operations</c>.</summary>
internal static class ComponentReader
{
    public static readonly string[] Keys = ["id", "name", "kind", "description", "spec", "paths", "owners", "operations", "aliases"];

    public static readonly string[] OperationsKeys = ["runbook", "dashboard", "alerts"];

    public static Component? Read(MappingNode map, string path, ReadContext context)
    {
        var reader = new MapReader(map, path, context.Diagnostics, Keys);
        var header = ElementHeader.Read(reader, context, ReadContext.ComponentKind);
        var kind = SectionReader.ReadCode<ComponentKind>(reader, "kind", required: true, header?.Id);
        var spec = reader.Text("spec", elementId: header?.Id);
        var paths = reader.Strings("paths", header?.Id);
        var owners = reader.Strings("owners", header?.Id);
        var operations = reader.Mapping("operations") is { } map2 ? ReadOperations(new MapReader(map2, $"{path}.operations", context.Diagnostics, OperationsKeys), header?.Id) : null;
        return header is null || kind is null
            ? null
            : new Component
            {
                Id = header.Id,
                Name = header.Name,
                Description = header.Description,
                Aliases = header.Aliases,
                Position = header.Position,
                Kind = kind.Value,
                Spec = spec,
                Paths = paths,
                Owners = owners,
                Operations = operations,
            };
    }

    private static ComponentOperations ReadOperations(MapReader reader, string? elementId) => new()
    {
        Runbook = reader.Text("runbook", elementId: elementId),
        Dashboard = reader.Text("dashboard", elementId: elementId),
        Alerts = reader.Strings("alerts", elementId),
    };
}
