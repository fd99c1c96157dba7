using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>Reads one text line of the form <c>Component: C-PRICING-RULES, C-AUDIT</c> (keyword, optional plural,
/// case-insensitive) or <c>Parent: #12</c>.</summary>
internal static class ReferenceLine
{
    private static readonly (string Keyword, Layer Layer)[] Keywords =
    [
        ("outcomes", Layer.Outcome), ("outcome", Layer.Outcome),
        ("stages", Layer.Stage), ("stage", Layer.Stage),
        ("logic", Layer.Logic),
        ("components", Layer.Component), ("component", Layer.Component),
    ];

    /// <summary>Adds the ids of a reference line to <paramref name="references"/>; false when the line is not one.</summary>
    public static bool TryRead(ReadOnlySpan<char> line, List<ElementReference> references, IdStrings ids)
    {
        line = line.TrimStart();
        foreach (var (keyword, layer) in Keywords)
        {
            if (TryValue(line, keyword, out var value))
            {
                AddIds(value, layer, references, ids);
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of a <c>Parent:</c> line, or empty.</summary>
    public static ReadOnlySpan<char> ParentValue(ReadOnlySpan<char> line)
        => TryValue(line.TrimStart(), "parent", out var value) ? value.Trim() : [];

    /// <summary>Splits a comma- (or semicolon-) separated list of ids; each id ends at the first blank, so
    /// <c>C-PRICING-RULES (the pricing engine)</c> reads as <c>C-PRICING-RULES</c>.</summary>
    public static void AddIds(ReadOnlySpan<char> value, Layer layer, List<ElementReference> references, IdStrings ids)
    {
        foreach (var range in value.SplitAny(",;"))
        {
            var part = value[range].Trim();
            var blank = part.IndexOfAny(' ', '\t');
            if (blank >= 0)
            {
                part = part[..blank];
            }

            part = part.Trim("()[]<>.:*_`\"'");
            if (part.Length > 0)
            {
                references.Add(new ElementReference(layer, ids.Of(part)));
            }
        }
    }

    private static bool TryValue(ReadOnlySpan<char> line, string keyword, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!line.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = line[keyword.Length..].TrimStart();
        if (rest.IsEmpty || rest[0] != ':')
        {
            return false;
        }

        value = rest[1..];
        return true;
    }
}
