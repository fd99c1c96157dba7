using System.Runtime.CompilerServices;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>Splits text into normalised terms for ranking: letters and digits, lower-cased, a light suffix strip
/// (<c>pricing</c>, <c>prices</c>, <c>priced</c> → <c>pric</c>), stop words and HTML tags skipped. Allocation-free.</summary>
internal static class TextTerms
{
    public const int MaxTermLength = 32;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of", "on",
        "or", "that", "the", "this", "to", "was", "we", "will", "with", "when", "so", "can", "should", "must", "our",
        "all", "not", "no", "into", "than", "then", "there", "these", "they", "which", "who", "also", "per", "via",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> (lower-case) is a stop word: never a term.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word) => StopWordLookup.Contains(word);

    /// <summary>Writes the next term into <paramref name="buffer"/> and returns its length, or 0 at the end. Callers that
    /// look terms up in a <see cref="TermVocabulary"/> pass <paramref name="skipStopWords"/> false: stop words never
    /// enter the vocabulary, so the lookup already rejects them and one hash lookup per word is saved.</summary>
    public static int Next(ReadOnlySpan<char> text, ref int position, Span<char> buffer, bool skipTags, bool skipStopWords = true)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (skipTags && c == '<')
            {
                var close = text[position..].IndexOf('>');
                position = close < 0 ? text.Length : position + close + 1;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                position++;
                continue;
            }

            var length = 0;
            while (position < text.Length)
            {
                // ASCII (nearly all text) without the Unicode tables; anything else as before.
                var next = text[position];
                char lower;
                if (char.IsAsciiLetterUpper(next))
                {
                    lower = (char)(next | 0x20);
                }
                else if (char.IsAsciiLetterLower(next) || char.IsAsciiDigit(next))
                {
                    lower = next;
                }
                else if (next > 0x7F && char.IsLetterOrDigit(next))
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
                }

                length++;
                position++;
            }

            if (length > buffer.Length)
            {
                continue;
            }

            var stemmed = Stem(buffer[..length]);
            if (stemmed > 1 && (!skipStopWords || !StopWordLookup.Contains(buffer[..stemmed])))
            {
                return stemmed;
            }
        }

        return 0;
    }

    /// <summary>Every term of <paramref name="text"/>, as strings (for building the index).</summary>
    public static IEnumerable<string> All(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var terms = new List<string>();
        var position = 0;
        Span<char> buffer = stackalloc char[MaxTermLength];
        int length;
        while ((length = Next(text, ref position, buffer, skipTags: false)) > 0)
        {
            terms.Add(buffer[..length].ToString());
        }

        return terms;
    }

    /// <summary>The length of <paramref name="term"/> once its suffix is stripped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Stem(ReadOnlySpan<char> term)
    {
        // The first of -ing, -ed, -es, -s, -e that leaves at least three letters: told apart by the last letter.
        var n = term.Length;
        if (n < 4)
        {
            return n;
        }

        return term[n - 1] switch
        {
            'g' when n >= 6 && term[n - 2] == 'n' && term[n - 3] == 'i' => n - 3,
            'd' when n >= 5 && term[n - 2] == 'e' => n - 2,
            's' when n >= 5 && term[n - 2] == 'e' => n - 2,
            's' or 'e' => n - 1,
            _ => n,
        };
    }
}
