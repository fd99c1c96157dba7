using System.Text;
using System.Text.Unicode;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>One string per distinct short value: work-item types, states, area paths, people and relation kinds repeat
/// across a backlog, so a reader of many items hands out the same string for the same bytes instead of a new one per
/// item. A direct-mapped table (a colliding value replaces the slot's), large enough that a backlog's people, area
/// paths and tag sets rarely collide (each miss is a new string); not thread-safe: one per thread.</summary>
internal sealed class Utf8StringCache
{
    /// <summary>Longer values are rarely repeated (titles, urls) and are not cached.</summary>
    public const int MaxLength = 96;

    private const int Slots = 2048;

    private readonly byte[]?[] _keys = new byte[]?[Slots];
    private readonly string?[] _values = new string?[Slots];

    /// <summary>The string for <paramref name="utf8"/> (raw, unescaped UTF-8 of at most <see cref="MaxLength"/> bytes);
    /// null when it is not valid UTF-8 (the caller reads it the usual way and reports it).</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var slot = (int)((hash ^ (hash >> 16)) & (Slots - 1));
        if (_values[slot] is { } cached && (_keys[slot] is { } key ? utf8.SequenceEqual(key) : Ascii.Equals(utf8, cached)))
        {
            return cached;
        }

        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        // ASCII values (nearly all) are compared with the string itself; only others keep their bytes.
        var text = Encoding.UTF8.GetString(utf8);
        _keys[slot] = Ascii.IsValid(utf8) ? null : utf8.ToArray();
        _values[slot] = text;
        return text;
    }
}
