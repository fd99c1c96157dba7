using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>The abbreviations an item's text may use for the anatomy's words, read from the anatomy itself: a short
/// word that begins a longer term (<c>req</c> → <c>requisition</c>, <c>inv</c> → <c>invoice</c>, <c>docs</c> →
/// <c>document</c>), and an acronym written in capitals for the initials of words that follow one another in a name or
/// description (<c>PO</c> → purchase order, <c>GR</c> → goods receipt, <c>AP</c> → accounts payable). A short word is
/// only looked up here when it is not a term itself; a key that could stand for more than
/// <see cref="MaxExpansions"/> terms is too ambiguous to read and is left out. Immutable and shared.</summary>
internal sealed class Abbreviations
{
    /// <summary>The longest word (before its stem is taken) read as an abbreviation.</summary>
    public const int MaxWordLength = 6;

    /// <summary>The most terms one abbreviation may stand for.</summary>
    public const int MaxExpansions = 4;

    /// <summary>A prefix abbreviation has 3 to 5 letters and leaves at least 2 letters of its term unwritten.</summary>
    private const int MinPrefix = 3;
    private const int MaxPrefix = 5;
    private const int MinUnwritten = 2;

    /// <summary>An acronym stands for 2 to 4 words.</summary>
    private const int MinAcronym = 2;
    private const int MaxAcronym = 4;

    private readonly TermVocabulary _prefixKeys = new();
    private readonly List<int[]> _prefixTerms = [];
    private readonly TermVocabulary _acronymKeys = new();
    private readonly List<int[]> _acronymTerms = [];

    private Abbreviations()
    {
    }

    /// <summary>The abbreviations of <paramref name="vocabulary"/>'s terms and of the phrases of
    /// <paramref name="texts"/> (the anatomy's names, aliases and descriptions).</summary>
    public static Abbreviations Build(TermVocabulary vocabulary, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(texts);
        var result = new Abbreviations();
        var prefixes = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var term = vocabulary[id];
            if (!AllLetters(term))
            {
                continue;
            }

            for (var length = MinPrefix; length <= Math.Min(MaxPrefix, term.Length - MinUnwritten); length++)
            {
                var key = term[..length];
                if (!vocabulary.Contains(key) && !TextTerms.IsStopWord(key))
                {
                    (prefixes.TryGetValue(key, out var set) ? set : prefixes[key] = []).Add(id);
                }
            }
        }

        Add(result._prefixKeys, result._prefixTerms, prefixes);

        // Per acronym, each phrase it stands for (its terms) and how often the anatomy writes it.
        var phrases = new Dictionary<string, Dictionary<string, (int[] Terms, int Count)>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var segment in Segments(text))
            {
                AddAcronyms(segment, vocabulary, phrases);
            }
        }

        var acronyms = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var (key, meanings) in phrases)
        {
            // The phrase the anatomy writes most often (every one of them when several tie).
            var most = meanings.Values.Max(m => m.Count);
            acronyms[key] = [.. meanings.Values.Where(m => m.Count == most).SelectMany(m => m.Terms)];
        }

        Add(result._acronymKeys, result._acronymTerms, acronyms);
        return result;
    }

    /// <summary>The terms a word that is not a term itself abbreviates, or null: <paramref name="word"/> is the word
    /// lower-cased, <paramref name="stemmed"/> its stem's length, <paramref name="prefixHashes"/> the hash of each of its
    /// prefixes, and <paramref name="capitals"/> whether it was written in capitals (an acronym; a plural <c>s</c> may
    /// follow in lower case).</summary>
    public int[]? Find(ReadOnlySpan<char> word, int stemmed, ReadOnlySpan<uint> prefixHashes, bool capitals)
    {
        if (capitals)
        {
            var length = word.Length;
            if (length > MinAcronym && word[^1] == 's' && !_acronymKeys.Contains(word, prefixHashes[length]))
            {
                length--;
            }

            if (_acronymKeys.TryFind(word[..length], prefixHashes[length], out var acronym))
            {
                return _acronymTerms[acronym];
            }
        }

        return stemmed is >= MinPrefix and <= MaxPrefix && _prefixKeys.TryFind(word[..stemmed], prefixHashes[stemmed], out var prefix)
            ? _prefixTerms[prefix]
            : null;
    }

    private static bool AllLetters(string term)
    {
        foreach (var c in term)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(TermVocabulary keys, List<int[]> expansions, Dictionary<string, SortedSet<int>> source)
    {
        foreach (var (key, terms) in source.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (terms.Count is > 0 and <= MaxExpansions)
            {
                keys.Add(key);
                expansions.Add([.. terms]);
            }
        }
    }

    /// <summary>The runs of words of <paramref name="text"/> between punctuation (a hyphen joins words), lower-cased.</summary>
    private static IEnumerable<List<string>> Segments(string text)
    {
        var words = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var c = text[at];
            if (char.IsLetterOrDigit(c))
            {
                var start = at;
                while (at < text.Length && char.IsLetterOrDigit(text[at]))
                {
                    at++;
                }

                words.Add(text[start..at].ToLowerInvariant());
                continue;
            }

            if (c is not (' ' or '-') && words.Count > 0)
            {
                yield return words;
                words = [];
            }

            at++;
        }

        if (words.Count > 0)
        {
            yield return words;
        }
    }

    /// <summary>Records the acronym of each run of <see cref="MinAcronym"/> to <see cref="MaxAcronym"/> words of
    /// <paramref name="words"/> that neither starts nor ends with a stop word (those inside count: out of office is
    /// OOO), with the terms of its other words.</summary>
    private static void AddAcronyms(List<string> words, TermVocabulary vocabulary, Dictionary<string, Dictionary<string, (int[] Terms, int Count)>> phrases)
    {
        // Per word, once: whether it is a stop word, and the term its stem is (-1: none).
        var stop = new bool[words.Count];
        var terms = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            stop[i] = TextTerms.IsStopWord(word);
            var stem = word.AsSpan(0, TextTerms.Stem(word));
            terms[i] = vocabulary.TryFind(stem, Fnv1a.Of(stem), out var id) ? id : -1;
        }

        Span<char> initials = stackalloc char[MaxAcronym];
        var found = new List<int>(MaxAcronym);
        for (var start = 0; start < words.Count; start++)
        {
            if (stop[start])
            {
                continue;
            }

            for (var end = start + MinAcronym - 1; end < Math.Min(words.Count, start + MaxAcronym); end++)
            {
                if (stop[end])
                {
                    continue;
                }

                // The run's initials, and the distinct terms of its words in the order they come.
                found.Clear();
                for (var at = start; at <= end; at++)
                {
                    initials[at - start] = words[at][0];
                    if (terms[at] >= 0 && !found.Contains(terms[at]))
                    {
                        found.Add(terms[at]);
                    }
                }

                var key = initials[..(end - start + 1)];
                if (found.Count == 0 || vocabulary.TryFind(key, Fnv1a.Of(key), out _))
                {
                    continue;
                }

                var acronym = key.ToString();
                var phrase = string.Join(' ', words, start, end - start + 1);
                var meanings = phrases.TryGetValue(acronym, out var m) ? m : phrases[acronym] = new(StringComparer.Ordinal);
                meanings[phrase] = ([.. found], meanings.TryGetValue(phrase, out var seen) ? seen.Count + 1 : 1);
            }
        }
    }
}
