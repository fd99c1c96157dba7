using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>Picks the best elements by score, rounded to three decimals, higher first and equal scores in element
/// order (elements are sorted by id). Only scores that can still round to a place are rounded and compared.</summary>
internal static class TopScores
{
    /// <summary>As <see cref="Pick"/> over the first <paramref name="n"/> elements, a vector of scores at a time,
    /// starting from a lower bound of the last place's raw score (<paramref name="lowerBound"/>, 0 when unknown): only
    /// the elements that can round to it or above (a handful) are rounded and compared. Returns how many placed.</summary>
    public static int PickAll(double[] scores, int n, double lowerBound, Span<int> best, Span<double> bestScores)
    {
        var found = 0;
        var floor = Math.Max(double.Epsilon, lowerBound - 0.001);
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

        return found;
    }

    /// <summary>The best of <paramref name="candidates"/> (as many as <paramref name="best"/> holds), whose scores it
    /// clears. Returns how many placed.</summary>
    public static int Pick(double[] scores, ReadOnlySpan<int> candidates, Span<int> best, Span<double> bestScores)
    {
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

        return found;
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

    /// <summary>Inserts <paramref name="value"/> into <paramref name="top"/> (highest first) when it is higher than
    /// the last.</summary>
    public static void Insert(Span<double> top, double value)
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
}
