using System.Text.Json;

namespace AnatomyBot.Core.Linkage;

/// <summary>Tolerant readers for platform JSON shared by the mappers: a wrong type is "absent", a string that is not
/// valid UTF-8 is a diagnostic, an over-long title is cut, never an exception.</summary>
public static class ItemJson
{
    /// <summary>Titles longer than this are cut (with a diagnostic): they are headings, not documents.</summary>
    public const int MaxTitleLength = 1024;

    /// <summary>The property as text: strings as they are, numbers and booleans as written, anything else null.</summary>
    public static string? Text(JsonElement parent, string name, List<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return AsText(value, name, diagnostics);
    }

    /// <summary>The element as text (strings, numbers, booleans); <paramref name="what"/> names it in a diagnostic.</summary>
    public static string? AsText(JsonElement value, string what, List<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    diagnostics.Add($"`{what}` is not valid UTF-8 text and was ignored");
                    return null;
                }

            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    /// <summary>A nested object property, or null.</summary>
    public static JsonElement? Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>An array property, or null.</summary>
    public static JsonElement? Items(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    /// <summary>The title, cut to <see cref="MaxTitleLength"/> characters with a diagnostic when longer.</summary>
    public static string Title(string? title, List<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        title ??= "";
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        diagnostics.Add($"the title is {title.Length:N0} characters long; only the first {MaxTitleLength:N0} were kept");
        return string.Concat(title.AsSpan(0, MaxTitleLength), "…");
    }

    /// <summary>The trailing number of a URL (<c>…/workItems/12</c>, <c>…/issues/12</c>), or null.</summary>
    public static string? TrailingNumber(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var span = url.AsSpan().TrimEnd('/');
        var slash = span.LastIndexOf('/');
        var last = span[(slash + 1)..];
        return last.Length > 0 && long.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? last.ToString()
            : null;
    }
}
