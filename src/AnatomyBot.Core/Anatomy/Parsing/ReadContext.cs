using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>State shared while reading one file: the diagnostics, every declared id (case-insensitive) and every
/// reference still to be resolved.</summary>
internal sealed partial class ReadContext(DiagnosticBag diagnostics)
{
    public const string OutcomeKind = "outcome";
    public const string ValueStreamKind = "value stream";
    public const string StageKind = "stage";
    public const string LogicKind = "logic";
    public const string ComponentKind = "component";

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public Dictionary<string, Declaration> Declarations { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Reference> References { get; } = [];

    /// <summary>Reads and declares <c>id</c>; null when missing, malformed or a duplicate.</summary>
    public string? DeclareId(MapReader reader, string kind)
    {
        var id = reader.Text("id", required: true);
        if (id is null)
        {
            return null;
        }

        var position = reader.Get("id")!.Position;
        if (!IdPattern().IsMatch(id))
        {
            Diagnostics.Error(
                AnatomyDiagnosticCodes.InvalidValue,
                $"{reader.Path}.id: '{id}' is not a valid id; use letters, digits, '-', '_' or '.', starting with a letter and ending with a letter or digit (at most 100 characters)",
                position,
                id);
            return null;
        }

        if (Declarations.TryGetValue(id, out var first))
        {
            Diagnostics.Error(
                AnatomyDiagnosticCodes.DuplicateId,
                $"id '{id}' is already declared for the {first.Kind} at {first.Position} (ids are unique across the file, ignoring case)",
                position,
                id);
            return null;
        }

        Declarations.Add(id, new Declaration(id, kind, position));
        return id;
    }

    /// <summary>Reads a list of ids under <paramref name="key"/> and queues them for resolution.</summary>
    public IReadOnlyList<string> ReadReferences(MapReader reader, string key, string expectedKind, string ownerId)
    {
        var items = reader.TextList(key, ownerId);
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (ids.Contains(item.Value, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            ids.Add(item.Value);
            References.Add(new Reference(item.Value, item.Position, expectedKind, ownerId));
        }

        return ids;
    }

    /// <summary>The declared spelling of <paramref name="id"/> (references match ids case-insensitively).</summary>
    public string Canonical(string id) => Declarations.TryGetValue(id, out var declaration) ? declaration.Id : id;

    public IReadOnlyList<string> Canonical(IReadOnlyList<string> ids) => [.. ids.Select(Canonical)];

    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9_.\-]{0,98}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
