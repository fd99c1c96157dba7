using System.Buffers;
using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>One layer's elements indexed for BM25 (k1 = 1.2, b = 0.75) over each element's name, aliases and
/// description: ranks them against an item's terms. Deterministic: scores rounded to three decimals, ties broken by id.
/// Immutable and shared; the working arrays of a ranking belong to the <see cref="SuggestionRanker"/> that asks.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly AnatomyElement[] _elements;

    /// <summary>Per term id: the elements that contain it and the term's whole BM25 contribution to each (a query term
    /// counts once, so the contribution depends on term and element only and is computed once here).</summary>
    private readonly (int Element, double Weight)[]?[] _postings;

    /// <summary>The common terms' contributions, summed a table row per group of terms.</summary>
    private readonly DenseTermTables _dense;

    /// <summary>Terms per group table (see <see cref="DenseTermTables.GroupSize"/>).</summary>
    internal int GroupSize => _dense.GroupSize;

    public Bm25Index(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary)
        : this(elements, vocabulary, DenseTermTables.MaxTableBytes)
    {
    }

    /// <param name="elements">The layer's elements.</param>
    /// <param name="vocabulary">Numbers the terms; shared by every layer.</param>
    /// <param name="maxTableBytes">The most the group tables may take (tests shrink it to exercise smaller groups).</param>
    internal Bm25Index(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary, long maxTableBytes)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _elements = [.. elements.OrderBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id, StringComparer.Ordinal)];
        var lengths = new int[_elements.Length];
        var postings = new Dictionary<int, List<(int, int)>>();
        for (var i = 0; i < _elements.Length; i++)
        {
            var e = _elements[i];
            var counts = new Dictionary<int, int>();
            foreach (var term in TextTerms.All(string.Join(' ', [e.Name, .. e.Aliases, e.Description ?? ""])))
            {
                var id = vocabulary.Add(term);
                counts[id] = counts.GetValueOrDefault(id) + 1;
                lengths[i]++;
            }

            foreach (var (term, count) in counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((i, count));
            }
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        var norms = lengths.Select(l => K1 * (1 - B + (B * l / average))).ToArray();
        _postings = new (int, double)[]?[postings.Count == 0 ? 0 : postings.Keys.Max() + 1];
        foreach (var (term, list) in postings)
        {
            var n = _elements.Length;
            var idf = Math.Log(1 + ((n - list.Count + 0.5) / (list.Count + 0.5)));
            _postings[term] = [.. list.Select(p => (p.Item1, idf * p.Item2 * (K1 + 1) / (p.Item2 + norms[p.Item1])))];
        }

        _dense = new DenseTermTables(_postings, _elements.Length, maxTableBytes);
    }

    public int Count => _elements.Length;

    /// <summary>The <see cref="SuggestionRanker.Count"/> best elements for <paramref name="queryTerms"/> (distinct term
    /// ids). <paramref name="scores"/> (one per element) must be all zero on entry and is left so; <paramref name="touched"/>
    /// is room for the elements scored. Common terms are summed first, a group's table row at a time, then the rare
    /// ones, which touch few elements: only those are scored, rounded and cleared when no common term is asked for.</summary>
    public IReadOnlyList<Suggestion> Top(ReadOnlySpan<int> queryTerms, double[] scores, List<int> touched)
    {
        if (_elements.Length == 0 || queryTerms.IsEmpty)
        {
            return [];
        }

        touched.Clear();
        var dense = _dense.Sum(queryTerms, scores, out var lastPlaceBound);
        foreach (var term in queryTerms)
        {
            if ((uint)term >= (uint)_postings.Length || _dense.Contains(term) || _postings[term] is not { } postings)
            {
                continue;
            }

            foreach (var (element, weight) in postings)
            {
                if (!dense && scores[element] == 0)
                {
                    touched.Add(element);
                }

                scores[element] += weight;
            }
        }

        Span<int> best = stackalloc int[SuggestionRanker.Count];
        Span<double> bestScores = stackalloc double[SuggestionRanker.Count];
        if (!dense)
        {
            return Suggestions(best, bestScores, TopScores.Pick(scores, CollectionsMarshal.AsSpan(touched), best, bestScores));
        }

        var found = TopScores.PickAll(scores, _elements.Length, lastPlaceBound, best, bestScores);
        Array.Clear(scores, 0, _elements.Length);
        return Suggestions(best, bestScores, found);
    }

    private Suggestion[] Suggestions(ReadOnlySpan<int> best, ReadOnlySpan<double> bestScores, int found)
    {
        var result = new Suggestion[found];
        for (var i = 0; i < found; i++)
        {
            result[i] = new Suggestion(_elements[best[i]].Id, bestScores[i]);
        }

        return result;
    }
}
