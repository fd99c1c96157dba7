using System.Runtime.CompilerServices;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>The terms of the anatomy's text, numbered once so items can be ranked without allocating strings. Looked up
/// millions of times per backlog (every word of every title and description), so the table is its own: open addressing
/// on a hash (<see cref="Fnv1a"/>) that the reader of an item's text computes while it lower-cases each word, instead
/// of hashing it again.</summary>
internal sealed class TermVocabulary
{
    /// <summary>A slot of <see cref="_slots"/> holding no term (a slot holds a term's hash in its high half and its
    /// id + 1 in its low half, so that a probe reads one array).</summary>
    private const ulong EmptySlot = 0;

    /// <summary>The id of no term: what a lookup of a word the vocabulary lacks gives, and the root of a term derived
    /// from none.</summary>
    public const int NoTerm = -1;

    /// <summary>What <see cref="AsciiWordChars"/> gives for a character that is not a letter or a digit.</summary>
    private const char NotAWordChar = '\0';

    private readonly List<string> _terms = [];
    private readonly List<uint> _hashes = [];
    private ulong[] _slots = new ulong[64];

    /// <summary>Per term id: the term it is derived from (see <see cref="Derived"/>), or <see cref="NoTerm"/>; set by
    /// <see cref="FindRoots"/> once every term is numbered.</summary>
    private int[] _roots = [];

    public int Count => _terms.Count;

    /// <summary>The term numbered <paramref name="id"/>.</summary>
    public string this[int id] => _terms[id];

    /// <summary>The term <paramref name="id"/> is derived from, or <see cref="NoTerm"/>.</summary>
    public int RootOf(int id) => (uint)id < (uint)_roots.Length ? _roots[id] : NoTerm;

    public bool Contains(string term) => TryFind(term, Fnv1a.Of(term), out _);

    /// <summary>Whether <paramref name="term"/>, whose hash is <paramref name="hash"/>, is numbered.</summary>
    public bool Contains(ReadOnlySpan<char> term, uint hash) => TryFind(term, hash, out _);

    /// <summary>The number of <paramref name="term"/>, which must be numbered.</summary>
    public int IdOf(string term) => TryFind(term, Fnv1a.Of(term), out var id) ? id : throw new KeyNotFoundException(term);

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
            _slots = new ulong[_slots.Length * 2];
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
    /// lower-cased and stemmed. Stop words are never in the vocabulary, so the lookup rejects them. A short word that
    /// is not a term is looked up in <paramref name="abbreviations"/>, when given, for the terms it stands for. With a
    /// <paramref name="cache"/> (always used with the same <paramref name="abbreviations"/>), a short ASCII word read
    /// before is found there by its characters as written instead of being read again.</summary>
    public void Collect(ReadOnlySpan<char> text, bool skipTags, List<int> terms, TermSet seen, Abbreviations? abbreviations = null,
        WordCache? cache = null)
    {
        Span<char> buffer = stackalloc char[TextTerms.MaxTermLength];

        // The hash of each prefix of the word: a stemmed word is a prefix of the word read.
        Span<uint> prefixHashes = stackalloc uint[TextTerms.MaxTermLength + 1];
        var position = 0;
        while (position < text.Length)
        {
            // Words start at a letter, a digit or any non-ASCII character; what lies between them is short (a space,
            // a comma), so it is stepped over here rather than searched.
            var c = text[position];
            if (c <= 0x7F && AsciiWordChars[c] == NotAWordChar && !(skipTags && c == '<'))
            {
                position++;
                continue;
            }

            if (c == '<')
            {
                // A tag is short: stepped over to its end rather than searched.
                while (++position < text.Length && text[position] != '>')
                {
                }

                position++;
                continue;
            }

            if (c > 0x7F && !char.IsLetterOrDigit(c))
            {
                position++;
                continue;
            }

            var start = position;
            if (cache is not null && WordCache.TryReadKey(text, start, out var key))
            {
                position = start + key.Length;
                if (!cache.TryGet(key, out var slot, out var known))
                {
                    known = Read(text.Slice(start, key.Length), buffer, prefixHashes, abbreviations);
                    cache.Store(slot, key, known);
                }

                known.AddTo(terms, seen);
                continue;
            }

            // The word's end first, then its lower-cased letters and the hash of each prefix in a loop of their own.
            while (++position < text.Length && IsWordChar(text[position]))
            {
            }

            var word = text[start..position];
            if (word.Length <= buffer.Length)
            {
                Read(word, buffer, prefixHashes, abbreviations).AddTo(terms, seen);
            }
        }
    }

    /// <summary>What <paramref name="word"/> (letters and digits as written, at most <see cref="TextTerms.MaxTermLength"/>)
    /// adds to an item's terms: lower-cased into <paramref name="buffer"/> with the hash of each prefix, stemmed and
    /// looked up; else, with <paramref name="abbreviations"/>, read as an abbreviation or a derived form.</summary>
    private WordTerms Read(ReadOnlySpan<char> word, Span<char> buffer, Span<uint> prefixHashes, Abbreviations? abbreviations)
    {
        var length = word.Length;
        var hash = Fnv1a.Seed;
        prefixHashes[0] = hash;
        for (var i = 0; i < word.Length; i++)
        {
            var next = word[i];
            var lower = next <= 0x7F ? (char)AsciiWordChars[next] : char.ToLowerInvariant(next);
            buffer[i] = lower;
            hash = Fnv1a.Step(hash, lower);
            prefixHashes[i + 1] = hash;
        }

        var stemmed = TextTerms.Stem(buffer[..length]);
        if ((stemmed > 1 ? Find(buffer[..stemmed], prefixHashes[stemmed]) : NoTerm) is var id and >= 0)
        {
            return new WordTerms(id, abbreviations is not null ? RootOf(id) : NoTerm, null);
        }

        if (abbreviations is not null && length is > 1 and <= Abbreviations.MaxWordLength)
        {
            return new WordTerms(NoTerm, NoTerm, abbreviations.Find(buffer[..length], stemmed, prefixHashes[..(length + 1)], InCapitals(word)));
        }

        return abbreviations is not null && stemmed >= MinDerived && Derived(buffer[..stemmed], prefixHashes, out id)
            ? new WordTerms(id, NoTerm, null)
            : WordTerms.None;
    }

    /// <summary>Whether <paramref name="word"/> (a word as read: ASCII letters and digits, other letters and digits) is
    /// written in capitals: no lower-case letter but a plural s after at least two others. A letter outside ASCII counts
    /// as lower-case.</summary>
    private static bool InCapitals(ReadOnlySpan<char> word)
    {
        var lowers = 0;
        foreach (var c in word)
        {
            lowers += c > 0x7F || c >= 'a' ? 1 : 0;
        }

        var last = word[^1];
        var lowerLast = last <= 0x7F ? last >= 'a' : char.ToLowerInvariant(last) == last;
        return lowers == 0 || (lowers == 1 && lowerLast && last == 's' && word.Length > 2);
    }

    /// <summary>Whether <paramref name="c"/> belongs to a word: an ASCII letter or digit, or any other letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c <= 0x7F ? AsciiWordChars[c] != NotAWordChar : char.IsLetterOrDigit(c);

    /// <summary>Records for each term the term it is derived from, if any, so that an item's text naming the one (an
    /// auditor) also reads as naming the other (audit). Called once every term is numbered.</summary>
    public void FindRoots()
    {
        var roots = new int[_terms.Count];
        for (var id = 0; id < roots.Length; id++)
        {
            var term = _terms[id];
            var hashes = new uint[term.Length + 1];
            hashes[0] = Fnv1a.Seed;
            for (var i = 0; i < term.Length; i++)
            {
                hashes[i + 1] = Fnv1a.Step(hashes[i], term[i]);
            }

            roots[id] = term.Length >= MinDerived && Derived(term, hashes, out var root) ? root : NoTerm;
        }

        _roots = roots;
    }

    /// <summary>The shortest stem a word is read as a form derived from (<c>auditor</c> from <c>audit</c>,
    /// <c>approval</c> from <c>approv</c>, <c>reminder</c> from <c>remind</c>).</summary>
    private const int MinDerived = 6;

    /// <summary>The most letters a derived form adds to its term.</summary>
    private const int MaxDerivedSuffix = 3;

    /// <summary>The term <paramref name="stem"/> is derived from: the longest term of at least four letters it
    /// extends by one to <see cref="MaxDerivedSuffix"/> letters.</summary>
    private bool Derived(ReadOnlySpan<char> stem, ReadOnlySpan<uint> prefixHashes, out int id)
    {
        for (var length = stem.Length - 1; length >= Math.Max(4, stem.Length - MaxDerivedSuffix); length--)
        {
            if (TryFind(stem[..length], prefixHashes[length], out id))
            {
                return true;
            }
        }

        id = NoTerm;
        return false;
    }

    internal bool TryFind(ReadOnlySpan<char> term, uint hash, out int id)
    {
        id = Find(term, hash);
        return id >= 0;
    }

    /// <summary>The number of <paramref name="term"/>, whose hash is <paramref name="hash"/>, or <see cref="NoTerm"/> (a return value, not
    /// an out parameter, so that the reader's loop keeps its locals in registers).</summary>
    private int Find(ReadOnlySpan<char> term, uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = SlotOf(hash, mask); slots[slot] is var entry and not EmptySlot; slot = (slot + 1) & mask)
        {
            var id = (int)(uint)entry - 1;
            if ((uint)(entry >> 32) == hash && term.SequenceEqual(_terms[id]))
            {
                return id;
            }
        }

        return NoTerm;
    }

    private void Place(int id)
    {
        var mask = _slots.Length - 1;
        var slot = SlotOf(_hashes[id], mask);
        while (_slots[slot] != EmptySlot)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = ((ulong)_hashes[id] << 32) | (uint)(id + 1);
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
}
