using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Turns YamlDotNet parser events into a <see cref="Node"/> tree. Refuses anchors and aliases at the first
/// one (so nothing is ever expanded), and stops at <see cref="ParseLimits.MaxDepth"/> and
/// <see cref="ParseLimits.MaxNodes"/> by throwing <see cref="FatalParseException"/>.</summary>
internal sealed class YamlTreeBuilder(IParser parser, DiagnosticBag diagnostics)
{
    private int _nodes;

    /// <summary>Where the last event started: the best position to report when the YAML reader itself fails.</summary>
    public SourcePosition LastPosition { get; private set; } = new(1, 1);

    /// <summary>The root node of the single document, or null when the stream holds no document.</summary>
    public Node? Build()
    {
        Expect<StreamStart>();
        var first = Next();
        if (first is StreamEnd)
        {
            return null;
        }

        if (first is not DocumentStart)
        {
            throw Fatal(AnatomyDiagnosticCodes.YamlSyntax, "expected the start of a YAML document", first.Start);
        }

        var root = ReadNode(Next(), depth: 1);
        Expect<DocumentEnd>();
        var after = Next();
        if (after is DocumentStart)
        {
            diagnostics.Error(
                AnatomyDiagnosticCodes.YamlSyntax,
                "only one YAML document is allowed in an anatomy file; remove the second '---' and what follows",
                ToPosition(after.Start));
        }

        return root;
    }

    private Node ReadNode(ParsingEvent current, int depth)
    {
        if (current is AnchorAlias alias)
        {
            throw Fatal(
                AnatomyDiagnosticCodes.AliasForbidden,
                $"YAML aliases (*{alias.Value}) are not allowed in an anatomy file; write the value out",
                alias.Start);
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            throw Fatal(
                AnatomyDiagnosticCodes.AliasForbidden,
                $"YAML anchors (&{anchored.Anchor.Value}) are not allowed in an anatomy file; write the value out",
                anchored.Start);
        }

        if (++_nodes > ParseLimits.MaxNodes)
        {
            throw Fatal(AnatomyDiagnosticCodes.TooLarge, $"more than {ParseLimits.MaxNodes} YAML nodes", current.Start);
        }

        if (depth > ParseLimits.MaxDepth && current is MappingStart or SequenceStart)
        {
            throw Fatal(AnatomyDiagnosticCodes.TooDeep, $"nesting deeper than {ParseLimits.MaxDepth} levels", current.Start);
        }

        return current switch
        {
            Scalar scalar => new ScalarNode(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, ToPosition(scalar.Start)),
            SequenceStart sequence => ReadSequence(sequence, depth),
            MappingStart mapping => ReadMapping(mapping, depth),
            _ => throw Fatal(AnatomyDiagnosticCodes.YamlSyntax, "unexpected YAML structure", current.Start),
        };
    }

    private SequenceNode ReadSequence(SequenceStart start, int depth)
    {
        var items = new List<Node>();
        for (var current = Next(); current is not SequenceEnd; current = Next())
        {
            items.Add(ReadNode(current, depth + 1));
        }

        return new SequenceNode(items, ToPosition(start.Start));
    }

    private MappingNode ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<KeyValuePair<ScalarNode, Node>>();
        for (var current = Next(); current is not MappingEnd; current = Next())
        {
            var key = ReadNode(current, depth + 1);
            var value = ReadNode(Next(), depth + 1);
            if (key is ScalarNode scalarKey)
            {
                entries.Add(new(scalarKey, value));
            }
            else
            {
                diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"a key must be text, not {key.Shape}", key.Position);
            }
        }

        return new MappingNode(entries, ToPosition(start.Start));
    }

    private ParsingEvent Next()
    {
        if (!parser.MoveNext() || parser.Current is null)
        {
            throw Fatal(AnatomyDiagnosticCodes.YamlSyntax, "unexpected end of the YAML text", default);
        }

        LastPosition = ToPosition(parser.Current.Start);
        return parser.Current;
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        var current = Next();
        if (current is not T)
        {
            throw Fatal(AnatomyDiagnosticCodes.YamlSyntax, "unexpected YAML structure", current.Start);
        }
    }

    internal static SourcePosition ToPosition(Mark mark) =>
        mark.Line <= 0 ? new SourcePosition(1, 1) : new SourcePosition((int)mark.Line, (int)Math.Max(1, mark.Column));

    private static FatalParseException Fatal(string code, string message, Mark mark) =>
        new(new AnatomyDiagnostic(code, DiagnosticSeverity.Error, message, ToPosition(mark)));
}
