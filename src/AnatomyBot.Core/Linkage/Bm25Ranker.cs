using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
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

    /// <summary>0 … n − 1: every element, the candidates when a common term was asked for.</summary>
    private readonly int[] _all;

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

        _all = [.. Enumerable.Range(0, _elements.Length)];
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
    /// is scratch space. Common terms are summed first (each element receives them in query order), then the rare
    /// ones, which touch few elements: only those are scored, rounded and cleared when no common term is asked for.</summary>
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
        var dense = SumRows(queryTerms, scores);
        for (var q = 0; q < queryTerms.Count; q++)
        {
            var term = queryTerms[q];
            if ((uint)term >= (uint)_postings.Length || _rows[term] is not null || _postings[term] is not { } postings)
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

        return PickTop(scores, dense ? _all : CollectionsMarshal.AsSpan(touched), count);
    }

    /// <summary>Writes the sum of the query's dense rows into <paramref name="scores"/>, a block of elements at a time
    /// held in registers across all rows (each element still adds the rows in query order); false when the query has
    /// no common term.</summary>
    private bool SumRows(IReadOnlyList<int> queryTerms, double[] scores)
    {
        var rented = queryTerms.Count > 256 ? ArrayPool<int>.Shared.Rent(queryTerms.Count) : null;
        var rows = rented is null ? stackalloc int[queryTerms.Count] : rented.AsSpan();
        var found = 0;
        for (var q = 0; q < queryTerms.Count; q++)
        {
            var term = queryTerms[q];
            if ((uint)term < (uint)_rows.Length && _rows[term] is not null)
            {
                rows[found++] = term;
            }
        }

        var n = _elements.Length;
        var width = Vector<double>.Count;
        var at = 0;
        ref var target = ref MemoryMarshal.GetArrayDataReference(scores);
        for (; found > 0 && Vector.IsHardwareAccelerated && at <= n - (2 * width); at += 2 * width)
        {
            Vector<double> sum0 = Vector<double>.Zero, sum1 = Vector<double>.Zero;
            for (var r = 0; r < found; r++)
            {
                ref var source = ref MemoryMarshal.GetArrayDataReference(_rows[rows[r]]!);
                sum0 += Vector.LoadUnsafe(ref source, (nuint)at);
                sum1 += Vector.LoadUnsafe(ref source, (nuint)(at + width));
            }

            sum0.StoreUnsafe(ref target, (nuint)at);
            sum1.StoreUnsafe(ref target, (nuint)(at + width));
        }

        for (; found > 0 && at < n; at++)
        {
            var sum = 0.0;
            for (var r = 0; r < found; r++)
            {
                sum += _rows[rows[r]]![at];
            }

            scores[at] = sum;
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return found > 0;
    }

    /// <summary>The best <paramref name="count"/> of <paramref name="candidates"/>, whose scores it clears.</summary>
    private Suggestion[] PickTop(double[] scores, ReadOnlySpan<int> candidates, int count)
    {
        Span<int> best = stackalloc int[count];
        Span<double> bestScores = stackalloc double[count];
        var found = 0;
        var floor = double.NegativeInfinity;
        foreach (var element in candidates)
        {
            var raw = scores[element];
            scores[element] = 0;

            // Rounding is monotonic: far enough below the last place, no rounding can reach it (skips most roundings).
            if (raw <= 0 || raw < floor)
            {
                continue;
            }

            var score = Math.Round(raw, 3);
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
            if (found == count)
            {
                floor = bestScores[count - 1] - 0.001;
            }
        }

        var result = new Suggestion[found];
        for (var i = 0; i < found; i++)
        {
            result[i] = new Suggestion(_elements[best[i]].Id, bestScores[i]);
        }

        return result;
    }
}
