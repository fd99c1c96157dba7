using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Ranks the elements of one layer against an item's text with BM25 (k1 = 1.2, b = 0.75) over each element's
/// name, aliases and description. Deterministic: scores rounded to three decimals, ties broken by id.</summary>
internal sealed class Bm25Ranker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>A term shared by at least one element in this many is summed from a group table.</summary>
    private const int DenseShare = 8;

    /// <summary>The most a layer's group tables may take; past it groups shrink to two terms, then one.</summary>
    private const long MaxTableBytes = 8 << 20;

    private readonly AnatomyElement[] _elements;

    /// <summary>Per term id: the elements that contain it and the term's whole BM25 contribution to each (a query term
    /// counts once, so the contribution depends on term and element only and is computed once here).</summary>
    private readonly (int Element, double Weight)[]?[] _postings;

    /// <summary>Terms that at least one element in <see cref="DenseShare"/> contains (common words in a small anatomy
    /// vocabulary) are summed from tables instead of scattered additions: the dense terms are cut into groups of
    /// <see cref="_groupSize"/>, and each group holds, per subset of its terms, the subset's summed contribution to every
    /// element. A query adds one row per group it touches instead of one per term. Per term id: its group, or −1.</summary>
    private readonly int[] _groupOf;

    /// <summary>Per term id: the term's bit within its group's subset index.</summary>
    private readonly int[] _bitOf;

    /// <summary>Per group: <c>2^groupSize</c> rows of one contribution per element, row k the sum over the group's terms
    /// whose bit is set in k (row 0 unused).</summary>
    private readonly double[][] _groups;

    private readonly int _groupSize;

    /// <summary>Terms per group table: 4, or fewer for a layer too large for tables of four.</summary>
    internal int GroupSize => _groupSize;

    /// <summary>0 … n − 1: every element, the candidates when a common term was asked for.</summary>
    private readonly int[] _all;

    public Bm25Ranker(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary)
        : this(elements, vocabulary, MaxTableBytes)
    {
    }

    /// <param name="elements">The layer's elements.</param>
    /// <param name="vocabulary">Numbers the terms; shared by every layer.</param>
    /// <param name="maxTableBytes">The most the group tables may take (tests shrink it to exercise smaller groups).</param>
    internal Bm25Ranker(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary, long maxTableBytes)
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
        (_groupOf, _bitOf, _groups, _groupSize) = BuildGroups(_postings, _elements.Length, maxTableBytes);
    }

    public int Count => _elements.Length;

    /// <summary>The <paramref name="count"/> best elements for <paramref name="queryTerms"/> (distinct term ids).
    /// <paramref name="scores"/> (one per element) must be all zero on entry and is left so; <paramref name="touched"/>
    /// is scratch space. Common terms are summed first, a group's table row at a time, then the rare ones, which touch
    /// few elements: only those are scored, rounded and cleared when no common term is asked for.</summary>
    public IReadOnlyList<Suggestion> Top(ReadOnlySpan<int> queryTerms, int count, double[] scores, List<int> touched)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(touched);
        if (_elements.Length == 0 || queryTerms.IsEmpty)
        {
            return [];
        }

        touched.Clear();
        var dense = SumGroups(queryTerms, scores, out var third);
        foreach (var term in queryTerms)
        {
            if ((uint)term >= (uint)_postings.Length || _groupOf[term] >= 0 || _postings[term] is not { } postings)
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

        if (!dense)
        {
            return PickTop(scores, CollectionsMarshal.AsSpan(touched), count);
        }

        var top = PickTopDense(scores, count, count == 3 ? third : 0);
        Array.Clear(scores, 0, _elements.Length);
        return top;
    }

    /// <summary>Cuts the dense terms into groups and sums each group's subsets. Groups of four (16 rows each) unless the
    /// tables would pass the limit (<see cref="MaxTableBytes"/>); then of two, or one (a plain row per term).</summary>
    private static (int[] GroupOf, int[] BitOf, double[][] Groups, int GroupSize) BuildGroups((int Element, double Weight)[]?[] postings, int n, long maxTableBytes)
    {
        var denseTerms = new List<int>();
        for (var term = 0; term < postings.Length; term++)
        {
            if (postings[term] is { } list && list.Length * DenseShare >= n)
            {
                denseTerms.Add(term);
            }
        }

        var groupSize = 4;
        while (groupSize > 1 && (long)((denseTerms.Count + groupSize - 1) / groupSize) * (1 << groupSize) * n * sizeof(double) > maxTableBytes)
        {
            groupSize /= 2;
        }

        var groupOf = new int[postings.Length];
        var bitOf = new int[postings.Length];
        Array.Fill(groupOf, -1);
        var groups = new double[(denseTerms.Count + groupSize - 1) / groupSize][];
        for (var g = 0; g < groups.Length; g++)
        {
            var table = groups[g] = new double[(1 << groupSize) * n];
            for (var j = 0; j < groupSize && (g * groupSize) + j < denseTerms.Count; j++)
            {
                var term = denseTerms[(g * groupSize) + j];
                groupOf[term] = g;
                bitOf[term] = 1 << j;
                foreach (var (element, weight) in postings[term]!)
                {
                    table[(bitOf[term] * n) + element] = weight;
                }
            }

            // Row k = row (k without its lowest bit) + row (its lowest bit): every subset summed in a fixed order.
            for (var k = 3; k < 1 << groupSize; k++)
            {
                var low = k & -k;
                if (low == k)
                {
                    continue;
                }

                var rest = (k - low) * n;
                for (var e = 0; e < n; e++)
                {
                    table[(k * n) + e] = table[rest + e] + table[(low * n) + e];
                }
            }
        }

        return (groupOf, bitOf, groups, groupSize);
    }

    /// <summary>Writes the sum of the query's dense terms into <paramref name="scores"/>: per group the row of the
    /// subset asked for, a block of elements at a time held in registers across all rows (groups in a fixed order, so a
    /// score does not depend on the query's term order); false when the query has no common term. <paramref name="third"/>
    /// is a lower bound of the third-highest sum (0 when unknown).</summary>
    private bool SumGroups(ReadOnlySpan<int> queryTerms, double[] scores, out double third)
    {
        var rented = _groups.Length > 256 ? ArrayPool<int>.Shared.Rent(_groups.Length) : null;
        var masks = rented is null ? stackalloc int[_groups.Length] : rented.AsSpan(0, _groups.Length);
        masks.Clear();
        var any = false;
        foreach (var term in queryTerms)
        {
            if ((uint)term < (uint)_groupOf.Length && _groupOf[term] is var group and >= 0)
            {
                masks[group] |= _bitOf[term];
                any = true;
            }
        }

        third = 0;
        if (!any)
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }

            return false;
        }

        var n = _elements.Length;
        var found = 0;
        Span<int> offsets = masks; // reused in place: offsets[found] ≤ the group index read at the same step.
        var rowGroups = rented is null ? stackalloc int[_groups.Length] : new int[_groups.Length];
        for (var g = 0; g < _groups.Length; g++)
        {
            if (masks[g] != 0)
            {
                rowGroups[found] = g;
                offsets[found++] = masks[g] * n;
            }
        }

        // Each lane also keeps its three highest sums (a sorting network of min/max, no branches): the third highest
        // of those twelve and the tail is a lower bound of the third-highest score, which the pick starts from.
        var at = 0;
        ref var target = ref MemoryMarshal.GetArrayDataReference(scores);
        Vector256<double> first = Vector256<double>.Zero, second = first, third3 = first;
        var width = Vector256<double>.Count;
        for (; Vector256.IsHardwareAccelerated && at <= n - (2 * width); at += 2 * width)
        {
            Vector256<double> sum0 = Vector256<double>.Zero, sum1 = Vector256<double>.Zero;
            for (var r = 0; r < found; r++)
            {
                ref var source = ref MemoryMarshal.GetArrayDataReference(_groups[rowGroups[r]]);
                var offset = (nuint)(offsets[r] + at);
                sum0 += Vector256.LoadUnsafe(ref source, offset);
                sum1 += Vector256.LoadUnsafe(ref source, offset + (nuint)width);
            }

            sum0.StoreUnsafe(ref target, (nuint)at);
            sum1.StoreUnsafe(ref target, (nuint)(at + width));
            Keep(sum0, ref first, ref second, ref third3);
            Keep(sum1, ref first, ref second, ref third3);
        }

        Span<double> top = stackalloc double[3];
        top.Clear();
        for (var lane = 0; lane < width && at > 0; lane++)
        {
            Insert(top, first[lane]);
            Insert(top, second[lane]);
            Insert(top, third3[lane]);
        }

        for (; at < n; at++)
        {
            var sum = 0.0;
            for (var r = 0; r < found; r++)
            {
                sum += _groups[rowGroups[r]][offsets[r] + at];
            }

            scores[at] = sum;
            Insert(top, sum);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        third = top[2];
        return true;

        static void Keep(Vector256<double> sums, ref Vector256<double> first, ref Vector256<double> second, ref Vector256<double> third)
        {
            var lower = Vector256.Min(first, sums);
            first = Vector256.Max(first, sums);
            third = Vector256.Max(third, Vector256.Min(second, lower));
            second = Vector256.Max(second, lower);
        }
    }

    /// <summary>Inserts <paramref name="value"/> into <paramref name="top"/> (highest first) when it is higher than
    /// the last.</summary>
    private static void Insert(Span<double> top, double value)
    {
        if (value <= top[^1])
        {
            return;
        }

        var at = top.Length - 1;
        for (; at > 0 && top[at - 1] < value; at--)
        {
            top[at] = top[at - 1];
        }

        top[at] = value;
    }

    /// <summary>As <see cref="PickTop"/> over every element, a vector of scores at a time, starting from a lower bound of
    /// the <paramref name="count"/>-th highest raw score (<paramref name="lowerBound"/>, from the summing pass): only the
    /// elements that can round to it or above (a handful) are rounded and compared with ties.</summary>
    private Suggestion[] PickTopDense(double[] scores, int count, double lowerBound)
    {
        Span<int> best = stackalloc int[count];
        Span<double> bestScores = stackalloc double[count];
        var found = 0;
        var floor = Math.Max(double.Epsilon, lowerBound - 0.001);
        var n = _elements.Length;
        var at = 0;
        ref var source = ref MemoryMarshal.GetArrayDataReference(scores);
        if (Vector256.IsHardwareAccelerated)
        {
            var floors = Vector256.Create(floor);
            for (; at <= n - Vector256<double>.Count; at += Vector256<double>.Count)
            {
                var above = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref source, (nuint)at), floors).ExtractMostSignificantBits();
                while (above != 0)
                {
                    var element = at + BitOperations.TrailingZeroCount(above);
                    above &= above - 1;
                    if (Place(scores[element], element, best, bestScores, ref found, ref floor))
                    {
                        floors = Vector256.Create(floor);
                    }
                }
            }
        }

        for (; at < n; at++)
        {
            Place(scores[at], at, best, bestScores, ref found, ref floor);
        }

        return Suggestions(best, bestScores, found);
    }

    /// <summary>The best <paramref name="count"/> of <paramref name="candidates"/>, whose scores it clears.</summary>
    private Suggestion[] PickTop(double[] scores, ReadOnlySpan<int> candidates, int count)
    {
        Span<int> best = stackalloc int[count];
        Span<double> bestScores = stackalloc double[count];
        var found = 0;
        var floor = double.Epsilon;
        foreach (var element in candidates)
        {
            var raw = scores[element];
            scores[element] = 0;
            if (raw >= floor)
            {
                Place(raw, element, best, bestScores, ref found, ref floor);
            }
        }

        return Suggestions(best, bestScores, found);
    }

    /// <summary>Places <paramref name="element"/> among the best so far when its rounded score earns it a place (higher
    /// score first, equal scores in id order: elements are sorted by id, and touched ones are visited in any order);
    /// true when <paramref name="floor"/>, the raw score below which nothing can place any more, rose.</summary>
    private static bool Place(double raw, int element, Span<int> best, Span<double> bestScores, ref int found, ref double floor)
    {
        // Rounding is monotonic: far enough below the last place, no rounding can reach it (skips most roundings).
        if (raw <= 0 || raw < floor)
        {
            return false;
        }

        var score = Math.Round(raw, 3);
        if (score <= 0)
        {
            return false;
        }

        var count = best.Length;
        var at = found;
        while (at > 0 && (bestScores[at - 1] < score || (bestScores[at - 1] == score && best[at - 1] > element)))
        {
            at--;
        }

        if (at >= count)
        {
            return false;
        }

        for (var j = Math.Min(found, count - 1); j > at; j--)
        {
            best[j] = best[j - 1];
            bestScores[j] = bestScores[j - 1];
        }

        best[at] = element;
        bestScores[at] = score;
        found = Math.Min(found + 1, count);
        if (found < count)
        {
            return false;
        }

        floor = Math.Max(floor, bestScores[count - 1] - 0.001);
        return true;
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
