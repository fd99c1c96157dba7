using System.Runtime.InteropServices;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>An item's ranking terms (term ids in order of first appearance), kept until its gaps are known: 16 bits an
/// id when the vocabulary allows it (nearly always: an anatomy has thousands of terms, not 65,536), else 32. A backlog
/// keeps tens of thousands of these, so half the size is megabytes.</summary>
internal readonly struct TermIds
{
    private readonly object? _ids; // ushort[] or int[]

    private TermIds(object ids) => _ids = ids;

    public static TermIds Empty => default;

    public int Length => _ids switch
    {
        ushort[] narrow => narrow.Length,
        int[] wide => wide.Length,
        _ => 0,
    };

    /// <summary>The ids of <paramref name="terms"/>, narrowed when <paramref name="vocabularySize"/> allows.</summary>
    public static TermIds Of(List<int> terms, int vocabularySize)
    {
        if (terms.Count == 0)
        {
            return Empty;
        }

        var span = CollectionsMarshal.AsSpan(terms);
        if (vocabularySize > ushort.MaxValue + 1)
        {
            return new TermIds(span.ToArray());
        }

        var narrow = new ushort[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            narrow[i] = (ushort)span[i];
        }

        return new TermIds(narrow);
    }

    /// <summary>The ids, widened into <paramref name="buffer"/> (replaced by a larger one when too small).</summary>
    public ReadOnlySpan<int> Widen(ref int[] buffer)
    {
        switch (_ids)
        {
            case int[] wide:
                return wide;
            case ushort[] narrow:
                if (buffer.Length < narrow.Length)
                {
                    buffer = new int[Math.Max(narrow.Length, buffer.Length * 2)];
                }

                for (var i = 0; i < narrow.Length; i++)
                {
                    buffer[i] = narrow[i];
                }

                return buffer.AsSpan(0, narrow.Length);
            default:
                return [];
        }
    }
}
