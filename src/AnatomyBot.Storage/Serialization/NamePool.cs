using System.Collections.Concurrent;

namespace AnatomyBot.Storage.Serialization;

/// <summary>Interns the short names that repeat across stored rows (anatomy ids in traces, gap codes): a decoded name
/// already seen costs no allocation. Bounded, so a ledger with unbounded distinct names cannot grow it forever.</summary>
internal static class NamePool
{
    private const int MaxEntries = 16_384;
    private const int MaxLength = 128;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Get(ReadOnlySpan<char> name)
    {
        if (Lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var created = name.ToString();
        return name.Length <= MaxLength && Names.Count < MaxEntries ? Names.GetOrAdd(created, created) : created;
    }
}
