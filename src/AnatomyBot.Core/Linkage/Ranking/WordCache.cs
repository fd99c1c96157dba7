using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>A worker's memory of the words it has read and what each adds to an item's terms (<see cref="WordTerms"/>),
/// so that a word met again (item texts repeat their words heavily) is found by its characters as written instead of
/// being lower-cased, hashed, stemmed and looked up again. Only short ASCII words are kept (<see cref="TryReadKey"/>;
/// the rest are read in full every time); the table is direct-mapped, a word replacing whichever word held its slot,
/// so it stays <see cref="Slots"/> entries whatever the text. A hit compares the whole word, so what a word adds never
/// depends on the cache. Belongs to one <see cref="SuggestionRanker"/> (one vocabulary, one thread).</summary>
internal sealed class WordCache
{
    /// <summary>The longest word kept: its key holds it and the blank after it.</summary>
    public const int MaxLength = 15;

    private const int SlotBits = 11;

    /// <summary>How many words the cache holds at most.</summary>
    public const int Slots = 1 << SlotBits;

    private readonly Entry[] _entries = new Entry[Slots];

    /// <summary>Reads the word starting at <paramref name="start"/> of <paramref name="text"/> (a letter or digit):
    /// true, with its <see cref="WordKey.Length"/> and key, when it is 1 to <see cref="MaxLength"/> ASCII letters and
    /// digits ended by an ASCII character that is neither or by the end of the text; false for any other word (longer,
    /// or with a letter or digit outside ASCII), which the caller reads character by character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadKey(ReadOnlySpan<char> text, int start, out WordKey key)
    {
        Vector128<ushort> low, high;
        var rest = MemoryMarshal.Cast<char, ushort>(text[start..]);
        if (rest.Length >= 2 * Vector128<ushort>.Count)
        {
            ref var first = ref MemoryMarshal.GetReference(rest);
            low = Vector128.LoadUnsafe(ref first);
            high = Vector128.LoadUnsafe(ref first, (nuint)Vector128<ushort>.Count);
        }
        else
        {
            (low, high) = Padded(rest);
        }

        var wordChars = AsciiWordChars(low) | (AsciiWordChars(high) << Vector128<ushort>.Count);
        var length = BitOperations.TrailingZeroCount(~wordChars);
        var end = start + length;
        if (length is 0 or > MaxLength || (end < text.Length && text[end] > 0x7F))
        {
            key = default;
            return false;
        }

        // Only the word's own characters: the rest of the key is zeros, which no word contains.
        ref var keep = ref MemoryMarshal.GetReference(KeepMask);
        var at = (nuint)(KeepMask.Length / 2) - (nuint)length;
        key = new WordKey(low & Vector128.LoadUnsafe(ref keep, at), high & Vector128.LoadUnsafe(ref keep, at + (nuint)Vector128<ushort>.Count), length);
        return true;
    }

    /// <summary>The last characters of a text, padded with zeros, which end a word as the end of the text does (apart,
    /// so that the reader's loop inlines the rest).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Vector128<ushort> Low, Vector128<ushort> High) Padded(ReadOnlySpan<ushort> rest)
    {
        Span<ushort> padded = stackalloc ushort[2 * Vector128<ushort>.Count];
        padded.Clear();
        rest.CopyTo(padded);
        return (Vector128.Create<ushort>(padded), Vector128.Create<ushort>(padded[Vector128<ushort>.Count..]));
    }

    /// <summary>The slot of <paramref name="key"/>: true with what its word adds when the word is held; else false, and
    /// <see cref="Store"/> into the same slot once the word is read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(in WordKey key, out int slot, out WordTerms terms)
    {
        slot = SlotOf(key);
        ref var entry = ref _entries[slot];
        if (entry.Low == key.Low && entry.High == key.High)
        {
            terms = entry.Terms;
            return true;
        }

        terms = default;
        return false;
    }

    /// <summary>Holds what the word of <paramref name="key"/> adds in <paramref name="slot"/> (its <see cref="TryGet"/>'s).</summary>
    public void Store(int slot, in WordKey key, WordTerms terms) => _entries[slot] = new Entry(key.Low, key.High, terms);

    /// <summary>Multiplicative hashing of the key's four 64-bit parts: the high bits of their products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SlotOf(in WordKey key)
    {
        var low = key.Low.AsUInt64();
        var high = key.High.AsUInt64();
        var hash = (low.GetElement(0) * 0x9E3779B97F4A7C15UL) ^ (low.GetElement(1) * 0xC2B2AE3D27D4EB4FUL) ^
            (high.GetElement(0) * 0x165667B19E3779F9UL) ^ (high.GetElement(1) * 0x27D4EB2F165667C5UL);
        return (int)(hash >> (64 - SlotBits));
    }

    /// <summary>A bit per character: set for an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint AsciiWordChars(Vector128<ushort> chars)
    {
        var letter = Vector128.LessThanOrEqual((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')));
        var digit = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        return (letter | digit).ExtractMostSignificantBits();
    }

    /// <summary>Sixteen ones then sixteen zeros: read from 16 − n on, the first n characters of a key kept.</summary>
    private static ReadOnlySpan<ushort> KeepMask =>
    [
        0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>A word held (an empty entry's key is all zeros, which no word's is) and what it adds.</summary>
    private readonly struct Entry(Vector128<ushort> low, Vector128<ushort> high, WordTerms terms)
    {
        public Vector128<ushort> Low { get; } = low;

        public Vector128<ushort> High { get; } = high;

        public WordTerms Terms { get; } = terms;
    }
}
