using System.Buffers;
using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>One layer's elements indexed for BM25 (k1 = 1.2, b = 0.75) over each element's name, aliases and
/// description, and at <see cref="ContextWeight"/> the text of its context (for a component, the logic it makes real),
/// a derived word counting for its root too (<see cref="TermVocabulary.FindRoots"/>): ranks them against an item's
/// terms. Deterministic: scores rounded to three decimals, ties broken by id.
/// Immutable and shared; the working arrays of a ranking belong to the <see cref="SuggestionRanker"/> that asks.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>How much a word of an element's context counts against a word of its own text.</summary>
    public const double ContextWeight = 0.5;

    private readonly AnatomyElement[] _elements;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    /// <summary>Per term id: the elements that contain it and the term's whole BM25 contribution to each (a query term
    /// counts once, so the contribution depends on term and element only and is computed once here).</summary>
    private readonly (int Element, double Weight)[]?[] _postings;

    /// <summary>The common terms' contributions, summed a table row per group of terms.</summary>
    private readonly DenseTermTables _dense;

    /// <summary>Terms per group table (see <see cref="DenseTermTables.GroupSize"/>).</summary>
    internal int GroupSize => _dense.GroupSize;

    public Bm25Index(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary, Func<AnatomyElement, string>? context = null)
        : this(elements, vocabulary, DenseTermTables.MaxTableBytes, context)
    {
    }

    /// <param name="elements">The layer's elements.</param>
    /// <param name="vocabulary">Numbers the terms; shared by every layer.</param>
    /// <param name="maxTableBytes">The most the group tables may take (tests shrink it to exercise smaller groups).</param>
    /// <param name="context">Each element's context text, or null for none.</param>
    internal Bm25Index(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary, long maxTableBytes, Func<AnatomyElement, string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _elements = [.. elements.OrderBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id, StringComparer.Ordinal)];
        for (var i = 0; i < _elements.Length; i++)
        {
            _positions[_elements[i].Id] = i;
        }

        var lengths = new double[_elements.Length];
        var postings = new Dictionary<int, List<(int, double)>>();
        for (var i = 0; i < _elements.Length; i++)
        {
            var e = _elements[i];
            var counts = new Dictionary<int, double>();
            foreach (var (text, weight) in (ReadOnlySpan<(string, double)>)[(string.Join(' ', [e.Name, .. e.Aliases, e.Description ?? ""]), 1), (context?.Invoke(e) ?? "", ContextWeight)])
            {
                foreach (var term in TextTerms.All(text))
                {
                    var id = vocabulary.Add(term);
                    counts[id] = counts.GetValueOrDefault(id) + weight;
                    if (vocabulary.RootOf(id) is var root and >= 0)
                    {
                        counts[root] = counts.GetValueOrDefault(root) + weight;
                    }
                    lengths[i] += weight;
                }
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

    /// <summary>The position of the element <paramref name="id"/> (which must be of this layer) in the index.</summary>
    public int PositionOf(string id) => _positions[id];

    /// <summary>The id of the element at <paramref name="position"/>.</summary>
    public string IdAt(int position) => _elements[position].Id;

    /// <summary>The <see cref="SuggestionRanker.Count"/> best elements for <paramref name="queryTerms"/> (distinct term
    /// ids). <paramref name="scores"/> (one per element) must be all zero on entry and is left so; <paramref name="touched"/>
    /// is room for the elements scored. Common terms are summed first, a group's table row at a time, then the rare
    /// ones, which touch few elements: only those are scored, rounded and cleared when no common term is asked for.</summary>
    public IReadOnlyList<Suggestion> Top(ReadOnlySpan<int> queryTerms, double[] scores, List<int> touched)
    {
        Span<int> best = stackalloc int[SuggestionRanker.Count];
        Span<double> bestScores = stackalloc double[SuggestionRanker.Count];
        var found = Top(queryTerms, scores, touched, [], [], best, bestScores);
        var result = new Suggestion[found];
        for (var i = 0; i < found; i++)
        {
            result[i] = new Suggestion(IdAt(best[i]), bestScores[i]);
        }

        return result;
    }

    /// <summary>As <see cref="Top(ReadOnlySpan{int}, double[], List{int})"/>, into <paramref name="best"/> (the positions
    /// of the best elements) and <paramref name="bestScores"/> (their scores), returning how many placed; and writes
    /// the scores (rounded as the suggestions' are) of the elements at <paramref name="positions"/> into
    /// <paramref name="positionScores"/>.</summary>
    public int Top(ReadOnlySpan<int> queryTerms, double[] scores, List<int> touched, ReadOnlySpan<int> positions, Span<double> positionScores,
        Span<int> best, Span<double> bestScores)
    {
        positionScores.Clear();
        if (_elements.Length == 0 || queryTerms.IsEmpty)
        {
            return 0;
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

        for (var i = 0; i < positions.Length; i++)
        {
            positionScores[i] = Math.Round(scores[positions[i]], 3);
        }

        if (!dense)
        {
            return TopScores.Pick(scores, CollectionsMarshal.AsSpan(touched), best, bestScores);
        }

        var found = TopScores.PickAll(scores, _elements.Length, lastPlaceBound, best, bestScores);
        Array.Clear(scores, 0, _elements.Length);
        return found;
    }
}
