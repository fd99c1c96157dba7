using System.Numerics;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Ranks the elements of one layer against an item's text with BM25 (k1 = 1.2, b = 0.75) over each element's
/// name, aliases and description. Deterministic: scores rounded to three decimals, ties broken by id.</summary>
internal sealed class Bm25Ranker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>A term shared by at least one element in this many is kept as a dense row.</summary>
    private const int DenseShare = 8;

    private readonly AnatomyElement[] _elements;

    /// <summary>Per term id: the elements that contain it and the term's whole BM25 contribution to each (a query term
    /// counts once, so the contribution depends on term and element only and is computed once here).</summary>
    private readonly (int Element, double Weight)[]?[] _postings;

    /// <summary>Per term id, for terms that most elements share (common words in a small anatomy vocabulary): the
    /// contribution to every element, zero where the element lacks the term. Such a term is added to all scores with
    /// vector instructions instead of one scattered addition per element; null for the other terms.</summary>
    private readonly double[]?[] _rows;

    public Bm25Ranker(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary)
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

        _rows = new double[]?[_postings.Length];
        for (var term = 0; term < _postings.Length; term++)
        {
            if (_postings[term] is { } list && list.Length * DenseShare >= _elements.Length)
            {
                var row = new double[_elements.Length];
                foreach (var (element, weight) in list)
                {
                    row[element] = weight;
                }

                _rows[term] = row;
            }
        }
    }


    public int Count => _elements.Length;

    /// <summary>The <paramref name="count"/> best elements for <paramref name="queryTerms"/> (distinct term ids).
    /// <paramref name="scores"/> (one per element) must be all zero on entry and is left so; <paramref name="touched"/>
    /// is scratch space: only the elements sharing a term with the query are scored, rounded and cleared.</summary>
    public IReadOnlyList<Suggestion> Top(IReadOnlyList<int> queryTerms, int count, double[] scores, List<int> touched)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(touched);
        if (_elements.Length == 0 || queryTerms.Count == 0)
        {
            return [];
        }

        touched.Clear();
        var dense = false;
        for (var q = 0; q < queryTerms.Count; q++)
        {
            var term = queryTerms[q];
            if ((uint)term >= (uint)_postings.Length)
            {
                continue;
            }

            if (_rows[term] is { } row)
            {
                // Each element still receives the query's terms in query order, so scores are the same to the last bit.
                AddRow(scores, row);
                dense = true;
                continue;
            }

            if (_postings[term] is not { } postings)
            {
                continue;
            }

            foreach (var (element, weight) in postings)
            {
                if (scores[element] == 0)
                {
                    touched.Add(element);
                }

                scores[element] += weight;
            }
        }

        if (dense)
        {
            // Every element may have a score: walk them all (in id order) instead of the touched list.
            touched.Clear();
            for (var element = 0; element < _elements.Length; element++)
            {
                if (scores[element] != 0)
                {
                    touched.Add(element);
                }
            }
        }

        return PickTop(scores, touched, count);
    }

    private static void AddRow(double[] scores, double[] row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(scores, i) + new Vector<double>(row, i)).CopyTo(scores, i);
            }
        }

        for (; i < row.Length; i++)
        {
            scores[i] += row[i];
        }
    }

    private Suggestion[] PickTop(double[] scores, List<int> touched, int count)
    {
        Span<int> best = stackalloc int[count];
        Span<double> bestScores = stackalloc double[count];
        var found = 0;
        foreach (var element in touched)
        {
            var score = Math.Round(scores[element], 3);
            scores[element] = 0;
            if (score <= 0)
            {
                continue;
            }

            // Higher score first; equal scores keep id order (elements are sorted by id, touched ones are not).
            var at = found;
            while (at > 0 && (bestScores[at - 1] < score || (bestScores[at - 1] == score && best[at - 1] > element)))
            {
                at--;
            }

            if (at >= count)
            {
                continue;
            }

            for (var j = Math.Min(found, count - 1); j > at; j--)
            {
                best[j] = best[j - 1];
                bestScores[j] = bestScores[j - 1];
            }

            best[at] = element;
            bestScores[at] = score;
            found = Math.Min(found + 1, count);
        }

        var result = new Suggestion[found];
        for (var i = 0; i < found; i++)
        {
            result[i] = new Suggestion(_elements[best[i]].Id, bestScores[i]);
        }

        return result;
    }
}
