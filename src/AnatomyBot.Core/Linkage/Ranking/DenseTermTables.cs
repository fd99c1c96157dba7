using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>The contributions of one layer's common terms (those at least one element in <see cref="DenseShare"/>
/// contains: common words in a small anatomy vocabulary), summed from tables instead of one scattered addition per
/// element. The common terms are cut into groups of <see cref="GroupSize"/>, and each group holds, per subset of its
/// terms, the subset's summed contribution to every element: a query adds one row per group it touches instead of one
/// per term.</summary>
internal sealed class DenseTermTables
{
    /// <summary>A term shared by at least one element in this many is summed from a group table.</summary>
    public const int DenseShare = 8;

    /// <summary>The most a layer's tables may take by default; past it groups shrink to two terms, then one.</summary>
    public const long MaxTableBytes = 8 << 20;

    private readonly int _elements;

    /// <summary>The group of a term summed from its postings instead of a table.</summary>
    private const int RareTerm = -1;

    /// <summary>Per term id: its group, or <see cref="RareTerm"/>.</summary>
    private readonly int[] _groupOf;

    /// <summary>Per term id: the term's bit within its group's subset index.</summary>
    private readonly int[] _bitOf;

    /// <summary>The groups one after another, each <c>2^GroupSize</c> rows of one contribution per element, row k the
    /// sum over the group's terms whose bit is set in k (row 0 unused): one array, so that a row is an offset.</summary>
    private readonly double[] _table;

    /// <summary>How many groups <see cref="_table"/> holds.</summary>
    private readonly int _groupCount;

    /// <param name="postings">Per term id: the elements that contain it and its contribution to each.</param>
    /// <param name="elements">How many elements the layer has.</param>
    /// <param name="maxTableBytes">The most the tables may take (tests shrink it to exercise smaller groups).</param>
    public DenseTermTables((int Element, double Weight)[]?[] postings, int elements, long maxTableBytes)
    {
        _elements = elements;
        (_groupOf, _bitOf, _table, _groupCount, GroupSize) = BuildGroups(postings, elements, maxTableBytes);
    }

    /// <summary>Terms per group table: 4, or fewer for a layer too large for tables of four.</summary>
    public int GroupSize { get; }

    /// <summary>Whether <paramref name="term"/> is summed here (and so must not be added again from its postings).</summary>
    public bool Contains(int term) => (uint)term < (uint)_groupOf.Length && _groupOf[term] != RareTerm;

    /// <summary>Writes the sum of the query's dense terms into <paramref name="scores"/>: per group the row of the
    /// subset asked for, a block of elements at a time held in registers across all rows (groups in a fixed order, so a
    /// score does not depend on the query's term order); false when the query has no common term.
    /// <paramref name="lastPlaceBound"/> is the <see cref="SuggestionRanker.Count"/>-th highest of these sums (0 when
    /// there are fewer elements): rare terms only add, so no element scoring below it can take a place.</summary>
    public bool Sum(ReadOnlySpan<int> queryTerms, double[] scores, out double lastPlaceBound)
    {
        // Per group the subset asked for, then (in place) the offsets of the rows to add.
        var rented = _groupCount > 512 ? ArrayPool<int>.Shared.Rent(_groupCount) : null;
        try
        {
            var scratch = rented is null ? stackalloc int[_groupCount] : rented.AsSpan(0, _groupCount);
            return Sum(queryTerms, scores, scratch, out lastPlaceBound);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private bool Sum(ReadOnlySpan<int> queryTerms, double[] scores, Span<int> masks, out double lastPlaceBound)
    {
        masks.Clear();
        var any = false;
        foreach (var term in queryTerms)
        {
            if ((uint)term < (uint)_groupOf.Length && _groupOf[term] is var group and not RareTerm)
            {
                masks[group] |= _bitOf[term];
                any = true;
            }
        }

        lastPlaceBound = 0;
        if (!any)
        {
            return false;
        }

        var n = _elements;
        var found = 0;
        var offsets = masks; // reused in place: offsets[found] ≤ the group index read at the same step.
        for (var g = 0; g < masks.Length; g++)
        {
            if (masks[g] != 0)
            {
                offsets[found++] = ((g << GroupSize) + masks[g]) * n;
            }
        }

        offsets = offsets[..found];

        // A block of elements at a time in vectors (AVX2, else SSE or Neon: a native build for older processors), the
        // rest one by one; the highest sums go to top, whose last place is the bound the pick starts from.
        Span<double> top = stackalloc double[SuggestionRanker.Count];
        top.Clear();
        var at = Vector256.IsHardwareAccelerated ? SumBlocks256(offsets, scores, top)
            : Vector128.IsHardwareAccelerated ? SumBlocks128(offsets, scores, top)
            : 0;
        for (; at < n; at++)
        {
            var sum = 0.0;
            foreach (var row in offsets)
            {
                sum += _table[row + at];
            }

            scores[at] = sum;
            TopScores.Insert(top, sum);
        }

        lastPlaceBound = top[^1];
        return true;
    }

    /// <summary>Sums the rows at <paramref name="offsets"/> into <paramref name="scores"/> two vectors of elements at a
    /// time, held in registers across all rows, and inserts the highest sums into <paramref name="top"/>; returns how
    /// many elements it summed (the rest do not fill a block). Each lane keeps its highest sums, as many as there are
    /// places, through a network of min and max (no branches), merged into <paramref name="top"/> at the end.</summary>
    private int SumBlocks256(ReadOnlySpan<int> offsets, double[] scores, Span<double> top)
    {
        var n = _elements;
        ref var target = ref MemoryMarshal.GetArrayDataReference(scores);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        Span<Vector256<double>> laneBest = stackalloc Vector256<double>[SuggestionRanker.Count];
        laneBest.Clear();
        var width = Vector256<double>.Count;
        var at = 0;
        for (; at <= n - (2 * width); at += 2 * width)
        {
            Vector256<double> sum0 = Vector256<double>.Zero, sum1 = Vector256<double>.Zero;
            foreach (var row in offsets)
            {
                var offset = (nuint)(row + at);
                sum0 += Vector256.LoadUnsafe(ref table, offset);
                sum1 += Vector256.LoadUnsafe(ref table, offset + (nuint)width);
            }

            sum0.StoreUnsafe(ref target, (nuint)at);
            sum1.StoreUnsafe(ref target, (nuint)(at + width));
            Keep(sum0, laneBest);
            Keep(sum1, laneBest);
        }

        for (var lane = 0; lane < width && at > 0; lane++)
        {
            foreach (var best in laneBest)
            {
                TopScores.Insert(top, best[lane]);
            }
        }

        return at;

        // The higher of each pair stays, the lower moves down a place. Sums are never NaN nor -0, so the processor's
        // own max and min serve (Max and Min order those, at three instructions each).
        static void Keep(Vector256<double> sums, Span<Vector256<double>> best)
        {
            for (var place = 0; place < best.Length; place++)
            {
                var higher = Vector256.MaxNative(best[place], sums);
                sums = Vector256.MinNative(best[place], sums);
                best[place] = higher;
            }
        }
    }

    /// <summary>As <see cref="SumBlocks256"/>, in 128-bit vectors.</summary>
    private int SumBlocks128(ReadOnlySpan<int> offsets, double[] scores, Span<double> top)
    {
        var n = _elements;
        ref var target = ref MemoryMarshal.GetArrayDataReference(scores);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        Span<Vector128<double>> laneBest = stackalloc Vector128<double>[SuggestionRanker.Count];
        laneBest.Clear();
        var width = Vector128<double>.Count;
        var at = 0;
        for (; at <= n - (2 * width); at += 2 * width)
        {
            Vector128<double> sum0 = Vector128<double>.Zero, sum1 = Vector128<double>.Zero;
            foreach (var row in offsets)
            {
                var offset = (nuint)(row + at);
                sum0 += Vector128.LoadUnsafe(ref table, offset);
                sum1 += Vector128.LoadUnsafe(ref table, offset + (nuint)width);
            }

            sum0.StoreUnsafe(ref target, (nuint)at);
            sum1.StoreUnsafe(ref target, (nuint)(at + width));
            Keep(sum0, laneBest);
            Keep(sum1, laneBest);
        }

        for (var lane = 0; lane < width && at > 0; lane++)
        {
            foreach (var best in laneBest)
            {
                TopScores.Insert(top, best[lane]);
            }
        }

        return at;

        static void Keep(Vector128<double> sums, Span<Vector128<double>> best)
        {
            for (var place = 0; place < best.Length; place++)
            {
                var higher = Vector128.MaxNative(best[place], sums);
                sums = Vector128.MinNative(best[place], sums);
                best[place] = higher;
            }
        }
    }

    /// <summary>Cuts the dense terms into groups and sums each group's subsets. Groups of four (16 rows each) unless the
    /// tables would pass the limit (by default <see cref="MaxTableBytes"/>); then of two, or one (a plain row per term).</summary>
    private static (int[] GroupOf, int[] BitOf, double[] Table, int GroupCount, int GroupSize) BuildGroups((int Element, double Weight)[]?[] postings, int n, long maxTableBytes)
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
        Array.Fill(groupOf, RareTerm);
        var groupCount = (denseTerms.Count + groupSize - 1) / groupSize;
        var all = new double[groupCount * (1 << groupSize) * n];
        for (var g = 0; g < groupCount; g++)
        {
            var table = all.AsSpan(g * (1 << groupSize) * n, (1 << groupSize) * n);
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

        return (groupOf, bitOf, all, groupCount, groupSize);
    }
}
