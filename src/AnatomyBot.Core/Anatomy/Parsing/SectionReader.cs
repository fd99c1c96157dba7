namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Reads a top-level list of elements (<c>outcomes</c>, <c>valueStreams</c>…): every item must be a mapping.</summary>
internal static class SectionReader
{
    public static IReadOnlyList<T> ReadList<T>(MapReader parent, string key, Func<MappingNode, string, T?> readItem)
        where T : class
    {
        var sequence = parent.Sequence(key);
        if (sequence is null)
        {
            return [];
        }

        var items = new List<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var path = $"{parent.PathPrefix}{key}[{i}]";
            if (sequence.Items[i] is not MappingNode mapping)
            {
                parent.Diagnostics.Error(
                    AnatomyDiagnosticCodes.WrongType,
                    $"{path}: expected a mapping (id, name, …), found {sequence.Items[i].Shape}",
                    sequence.Items[i].Position);
                continue;
            }

            if (readItem(mapping, path) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Reads an enum code such as <c>kind: rule</c>; reports missing or unknown values.</summary>
    public static T? ReadCode<T>(MapReader reader, string key, bool required, string? elementId = null)
        where T : struct, Enum
    {
        var text = reader.Text(key, required, elementId: elementId);
        if (text is null)
        {
            return null;
        }

        if (EnumCodes.TryParse<T>(text, out var value))
        {
            return value;
        }

        var allowed = EnumCodes.All<T>();
        var suggestion = KeySuggestions.Closest(text, allowed);
        var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
        reader.Diagnostics.Error(
            AnatomyDiagnosticCodes.InvalidValue,
            $"{reader.Path}.{key}: '{text}' is not one of {string.Join(" | ", allowed)}{hint}",
            reader.Get(key)!.Position,
            elementId);
        return null;
    }
}
