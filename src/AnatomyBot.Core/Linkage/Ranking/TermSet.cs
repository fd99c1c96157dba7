namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>A set of term ids (dense, 0 … vocabulary size − 1) that empties in constant time: each id holds the number
/// of the round it was last added in. Cheaper than a hash set for the few dozen terms of every item. Part of a worker's
/// <see cref="SuggestionRanker"/>.</summary>
internal sealed class TermSet
{
    private int[] _rounds = [];
    private int _round = 1;

    /// <summary>Empties the set (it then holds ids below <paramref name="capacity"/>).</summary>
    public void Clear(int capacity)
    {
        if (_rounds.Length < capacity)
        {
            _rounds = new int[capacity];
            _round = 1;
            return;
        }

        if (++_round == int.MaxValue)
        {
            Array.Clear(_rounds);
            _round = 1;
        }
    }

    /// <summary>True when <paramref name="id"/> was not in the set.</summary>
    public bool Add(int id)
    {
        if (_rounds[id] == _round)
        {
            return false;
        }

        _rounds[id] = _round;
        return true;
    }
}
