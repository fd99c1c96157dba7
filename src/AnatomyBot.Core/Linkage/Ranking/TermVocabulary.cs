using System.Buffers;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>The terms of the anatomy's text, numbered once so items can be ranked without allocating strings. Looked up
/// millions of times per backlog (every word of every title and description), so the table is its own: open addressing
/// on a hash (<see cref="Fnv1a"/>) that the reader of an item's text computes while it lower-cases each word, instead
/// of hashing it again.</summary>
internal sealed class TermVocabulary
{
    /// <summary>ASCII that cannot start a word: words start at a letter, a digit or any non-ASCII character.</summary>
    private static readonly SearchValues<char> NotWordStart = SearchValues.Create(AsciiExcept(tag: false));

    /// <summary>As <see cref="NotWordStart"/>, but stopping at <c>&lt;</c> too (an HTML tag to skip).</summary>
    private static readonly SearchValues<char> NotWordOrTagStart = SearchValues.Create(AsciiExcept(tag: true));

    /// <summary>A slot of <see cref="_slots"/> holding no term (a slot holds a term's id + 1).</summary>
    private const int EmptySlot = 0;

    /// <summary>What <see cref="AsciiWordChars"/> gives for a character that is not a letter or a digit.</summary>
    private const char NotAWordChar = '\0';

    private readonly List<string> _terms = [];
    private readonly List<uint> _hashes = [];
    private int[] _slots = new int[64];

    public int Count => _terms.Count;

    /// <summary>Numbers a term; only terms of <see cref="TextTerms.All"/> (never a stop word) may be added.</summary>
    public int Add(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var hash = Fnv1a.Of(term);
        if (TryFind(term, hash, out var id))
        {
            return id;
        }

        id = _terms.Count;
        _terms.Add(term);
        _hashes.Add(hash);
        if (_terms.Count * 2 > _slots.Length)
        {
            _slots = new int[_slots.Length * 2];
            for (var i = 0; i < _terms.Count; i++)
            {
                Place(i);
            }
        }
        else
        {
            Place(id);
        }

        return id;
    }

    /// <summary>The distinct known terms of <paramref name="text"/>, appended to <paramref name="terms"/>: the words
    /// <see cref="TextTerms.Next"/> reads (HTML tags skipped when <paramref name="skipTags"/>), each looked up once it is
    /// lower-cased and stemmed. Stop words are never in the vocabulary, so the lookup rejects them.</summary>
    public void Collect(ReadOnlySpan<char> text, bool skipTags, List<int> terms, TermSet seen)
    {
        Span<char> buffer = stackalloc char[TextTerms.MaxTermLength];

        // The hash of each prefix of the word: a stemmed word is a prefix of the word read.
        Span<uint> prefixHashes = stackalloc uint[TextTerms.MaxTermLength + 1];
        var skip = skipTags ? NotWordOrTagStart : NotWordStart;
        var position = 0;
        while (position < text.Length)
        {
            var start = text[position..].IndexOfAnyExcept(skip);
            if (start < 0)
            {
                return;
            }

            position += start;
            var c = text[position];
            if (c == '<')
            {
                var close = text[position..].IndexOf('>');
                position = close < 0 ? text.Length : position + close + 1;
                continue;
            }

            if (c > 0x7F && !char.IsLetterOrDigit(c))
            {
                position++;
                continue;
            }

            var length = 0;
            var hash = Fnv1a.Seed;
            prefixHashes[0] = hash;
            while (position < text.Length)
            {
                var next = text[position];
                char lower;
                if (next <= 0x7F)
                {
                    lower = (char)AsciiWordChars[next];
                    if (lower == NotAWordChar)
                    {
                        break;
                    }
                }
                else if (char.IsLetterOrDigit(next))
                {
                    lower = char.ToLowerInvariant(next);
                }
                else
                {
                    break;
                }

                if (length < buffer.Length)
                {
                    buffer[length] = lower;
                    hash = Fnv1a.Step(hash, lower);
                    prefixHashes[length + 1] = hash;
                }

                length++;
                position++;
            }

            if (length > buffer.Length)
            {
                continue;
            }

            var stemmed = TextTerms.Stem(buffer[..length]);
            if (stemmed > 1 && TryFind(buffer[..stemmed], prefixHashes[stemmed], out var id) && seen.Add(id))
            {
                terms.Add(id);
            }
        }
    }

    private bool TryFind(ReadOnlySpan<char> term, uint hash, out int id)
    {
        var mask = _slots.Length - 1;
        for (var slot = SlotOf(hash, mask); _slots[slot] != EmptySlot; slot = (slot + 1) & mask)
        {
            id = _slots[slot] - 1;
            if (_hashes[id] == hash && term.SequenceEqual(_terms[id]))
            {
                return true;
            }
        }

        id = -1;
        return false;
    }

    private void Place(int id)
    {
        var mask = _slots.Length - 1;
        var slot = SlotOf(_hashes[id], mask);
        while (_slots[slot] != EmptySlot)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = id + 1;
    }

    /// <summary>Fibonacci hashing: the high bits of the product, spread over the table.</summary>
    private static int SlotOf(uint hash, int mask) => (int)((hash * 2654435769u) >> 7) & mask;

    /// <summary>Per ASCII character: itself lower-cased when it is a letter or a digit, else 0.</summary>
    private static ReadOnlySpan<byte> AsciiWordChars => [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9',
        0, 0, 0, 0, 0, 0, 0,
        (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j',
        (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t',
        (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z',
        0, 0, 0, 0, 0, 0,
        (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j',
        (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t',
        (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z',
        0, 0, 0, 0, 0,
    ];

    private static string AsciiExcept(bool tag)
    {
        var chars = new List<char>();
        for (var c = (char)0; c <= 0x7F; c++)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !(tag && c == '<'))
            {
                chars.Add(c);
            }
        }

        return new string([.. chars]);
    }
}
