using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>One string per distinct short value: work-item types, states, area paths, people and relation kinds repeat
/// across a backlog, so a reader of many items hands out the same string for the same bytes instead of a new one per
/// item. A direct-mapped table (a colliding value replaces the slot's; each miss is a new string); not thread-safe: one
/// per reader.</summary>
internal sealed class Utf8StringCache
{
    /// <summary>Longer values are rarely repeated (titles, urls) and are not cached.</summary>
    public const int MaxLength = 96;

    private readonly byte[]?[] _keys;
    private readonly string?[] _values;

    /// <param name="slots">The table's size, a power of two.</param>
    public Utf8StringCache(int slots)
    {
        if (!int.IsPow2(slots))
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "the number of slots must be a power of two");
        }

        _keys = new byte[]?[slots];
        _values = new string?[slots];
    }

    /// <summary>The string for <paramref name="utf8"/> (raw, unescaped UTF-8 of at most <see cref="MaxLength"/> bytes);
    /// null when it is not valid UTF-8 (the caller reads it the usual way and reports it).</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        // XXH3 (System.IO.Hashing): every byte moves the low bits that pick the slot, and a value's bytes are taken
        // several at a step (the reading thread looks up several values per item).
        var slot = (int)(XxHash3.HashToUInt64(utf8) & (uint)(_values.Length - 1));
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
