using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads the root mapping of <c>anatomy.yml</c> into an <see cref="EnterpriseAnatomy"/>; null when any error
/// was reported.</summary>
internal static class AnatomyDocumentReader
{
    public const int SupportedVersion = 1;

    public static readonly string[] Keys = ["version", "outcomes", "valueStreams", "logic", "components", "policy", "waivers"];

    public static EnterpriseAnatomy? Read(Node root, DiagnosticBag diagnostics)
    {
        if (root is not MappingNode map)
        {
            diagnostics.Error(
                AnatomyDiagnosticCodes.WrongType,
                $"the anatomy file must be a mapping with version, outcomes, valueStreams, logic, components and policy; found {root.Shape}",
                root.Position);
            return null;
        }

        var context = new ReadContext(diagnostics);
        var reader = new MapReader(map, string.Empty, diagnostics, Keys);
        ReadVersion(reader);
        var outcomes = SectionReader.ReadList(reader, "outcomes", (m, p) => OutcomeReader.Read(m, p, context));
        var valueStreams = SectionReader.ReadList(reader, "valueStreams", (m, p) => ValueStreamReader.Read(m, p, context));
        var logic = SectionReader.ReadList(reader, "logic", (m, p) => LogicReader.Read(m, p, context));
        var components = SectionReader.ReadList(reader, "components", (m, p) => ComponentReader.Read(m, p, context));
        var policy = reader.Mapping("policy") is { } policyMap ? PolicyReader.Read(policyMap, context) : AnatomyPolicy.Default;
        var waivers = WaiverReader.ReadAll(reader);
        ReferenceResolver.Check(context);
        if (diagnostics.Count > 0)
        {
            return null;
        }

        return new EnterpriseAnatomy(
            outcomes,
            [.. valueStreams.Select(v => v with
            {
                Outcomes = context.Canonical(v.Outcomes),
                Stages = [.. v.Stages.Select(s => s with { Outcomes = context.Canonical(s.Outcomes), Logic = context.Canonical(s.Logic) })],
            })],
            [.. logic.Select(l => l with { Components = context.Canonical(l.Components) })],
            components,
            policy)
        {
            Version = SupportedVersion,
            Waivers = waivers,
        };
    }

    private static void ReadVersion(MapReader reader)
    {
        var node = reader.Get("version");
        if (node is null)
        {
            reader.Diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"'version' is required; write 'version: {SupportedVersion}' at the top", reader.KeyPosition("version"));
        }
        else if (node is not ScalarNode { Type: ScalarType.Number } scalar)
        {
            reader.Diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"version: expected the number {SupportedVersion}, found {node.Shape}", node.Position);
        }
        else if (scalar.Value != "1")
        {
            reader.Diagnostics.Error(AnatomyDiagnosticCodes.InvalidValue, $"version: {scalar.Value} is not supported; this AnatomyBot reads version {SupportedVersion}", node.Position);
        }
    }
}
