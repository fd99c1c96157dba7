using System.Collections.Concurrent;
using System.Text;

namespace AnatomyBot.Core;

/// <summary>The stable kebab-case spelling of enum values used in YAML, JSON and labels:
/// <c>PullRequest</c> ⇄ <c>pull-request</c>, <c>WorkItem</c> ⇄ <c>work-item</c>, <c>Ui</c> ⇄ <c>ui</c>.</summary>
public static class EnumCodes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> Parsers = new();

    public static string ToCode<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>Parses the exact code (case-sensitive, as written in files). Numbers are never accepted.</summary>
    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        var map = Parsers.GetOrAdd(typeof(T), static _ => Enum.GetValues<T>().ToDictionary(v => ToCode(v), v => (object)v, StringComparer.Ordinal));
        if (code is not null && map.TryGetValue(code, out var found))
        {
            value = (T)found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>All codes of <typeparamref name="T"/> in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => ToCode(v))];
}
