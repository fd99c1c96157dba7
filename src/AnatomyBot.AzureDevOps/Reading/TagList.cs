namespace AnatomyBot.AzureDevOps.Reading;

/// <summary><c>System.Tags</c> is one string, <c>"a; b; c"</c>. People and tools write it with odd spacing, empty entries
/// and duplicates differing only in case; Azure DevOps treats tags case-insensitively.</summary>
public static class TagList
{
    /// <summary>The tags as written (trimmed), empty entries dropped, case-insensitive duplicates kept once (first wins).</summary>
    public static IReadOnlyList<string> Parse(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags))
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var part in tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (seen.Add(part))
            {
                result.Add(part);
            }
        }

        return result;
    }

    public static string Format(IEnumerable<string> tags) => string.Join("; ", Parse(string.Join(';', tags)));

    /// <summary>True when both lists hold the same tags, ignoring case, order and spacing.</summary>
    public static bool SameSet(IEnumerable<string> left, IEnumerable<string> right) =>
        new HashSet<string>(Parse(string.Join(';', left)), StringComparer.OrdinalIgnoreCase).SetEquals(Parse(string.Join(';', right)));
}
