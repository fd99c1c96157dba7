namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads the keys of one mapping strictly: reports unknown and duplicate keys up front, then typed getters
/// report wrong types and missing required fields. the path names the mapping in messages
/// (e.g. <c>valueStreams[0].stages[2]</c>).</summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, KeyValuePair<ScalarNode, Node>> _entries = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    public MapReader(MappingNode map, string path, DiagnosticBag diagnostics, params string[] allowedKeys)
    {
        Map = map;
        Path = path;
        _diagnostics = diagnostics;
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Error(AnatomyDiagnosticCodes.UnknownKey, UnknownKeyMessage(key, allowedKeys), entry.Key.Position);
            }
            else if (!_entries.TryAdd(key, entry))
            {
                var first = _entries[key].Key.Position;
                diagnostics.Error(AnatomyDiagnosticCodes.DuplicateKey, $"{Where}key '{key}' appears twice (first at {first})", entry.Key.Position);
            }
        }
    }

    public MappingNode Map { get; }

    public string Path { get; }

    /// <summary>The prefix for child paths: empty at the top level, else <c>Path.</c>.</summary>
    public string PathPrefix => Path.Length == 0 ? string.Empty : Path + ".";

    private string Named(string key) => PathPrefix + key;

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>"path: " for messages, empty at the top level.</summary>
    private string Where => Path.Length == 0 ? string.Empty : Path + ": ";

    /// <summary>The value under <paramref name="key"/>, or null when absent or written as null.</summary>
    public Node? Get(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    public SourcePosition KeyPosition(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key.Position : Map.Position;

    /// <summary>Text; numbers are accepted only when <paramref name="allowNumber"/> (metric, target).</summary>
    public string? Text(string key, bool required = false, bool allowNumber = false, string? elementId = null)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"{Where}'{key}' is required", KeyPosition(key), elementId);
            }

            return null;
        }

        if (node is ScalarNode scalar && (scalar.Type == ScalarType.Text || (allowNumber && scalar.Type == ScalarType.Number)))
        {
            if (required && string.IsNullOrWhiteSpace(scalar.Value))
            {
                _diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"{Named(key)} must not be empty", scalar.Position, elementId);
                return null;
            }

            return scalar.Value;
        }

        var hint = node is ScalarNode ? "; put it in quotes if it is meant as text" : string.Empty;
        _diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"{Named(key)}: expected text, found {node.Shape}{hint}", node.Position, elementId);
        return null;
    }

    /// <summary>A list of text items; null or absent is an empty list.</summary>
    public IReadOnlyList<ScalarNode> TextList(string key, string? elementId = null)
    {
        var node = Get(key);
        if (node is null)
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            _diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"{Named(key)}: expected a list, found {node.Shape}", node.Position, elementId);
            return [];
        }

        var items = new List<ScalarNode>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is ScalarNode { Type: ScalarType.Text } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add(scalar);
            }
            else
            {
                var item = sequence.Items[i];
                _diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"{Named(key)}[{i}]: expected non-empty text, found {item.Shape}", item.Position, elementId);
            }
        }

        return items;
    }

    public IReadOnlyList<string> Strings(string key, string? elementId = null) => [.. TextList(key, elementId).Select(s => s.Value)];

    public MappingNode? Mapping(string key, bool required = false) => Typed<MappingNode>(key, required, "a mapping");

    public SequenceNode? Sequence(string key, bool required = false) => Typed<SequenceNode>(key, required, "a list");

    private T? Typed<T>(string key, bool required, string expected)
        where T : Node
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Error(AnatomyDiagnosticCodes.MissingField, $"{Where}'{key}' is required", KeyPosition(key));
            }

            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        _diagnostics.Error(AnatomyDiagnosticCodes.WrongType, $"{Named(key)}: expected {expected}, found {node.Shape}", node.Position);
        return null;
    }

    private string UnknownKeyMessage(string key, string[] allowed)
    {
        var suggestion = KeySuggestions.Closest(key, allowed);
        var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
        return $"{Where}unknown key '{key}'{hint}; allowed: {string.Join(", ", allowed)}";
    }
}
