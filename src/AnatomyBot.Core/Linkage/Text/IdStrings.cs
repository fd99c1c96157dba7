namespace AnatomyBot.Core.Linkage.Text;

/// <summary>The strings of the ids items reference, made once per thread: a backlog's items name the same few hundred
/// anatomy ids over and over, so each reference would otherwise be a new string that lives only until it is looked up.
/// A fixed table of the last string seen per hash slot: bounded, no locks, and a miss only costs the string.</summary>
internal static class IdStrings
{
    private const int Slots = 1024;

    [ThreadStatic]
    private static string?[]? t_strings;

    /// <summary><paramref name="id"/> as a string: the one made before for the same characters when its slot still
    /// holds it.</summary>
    public static string Of(ReadOnlySpan<char> id)
    {
        var strings = t_strings ??= new string?[Slots];
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619;
        }

        ref var slot = ref strings[(int)(hash & (Slots - 1))];
        if (slot is not null && id.SequenceEqual(slot))
        {
            return slot;
        }

        return slot = id.ToString();
    }
}
