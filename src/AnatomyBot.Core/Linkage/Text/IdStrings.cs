namespace AnatomyBot.Core.Linkage.Text;

/// <summary>The strings of the ids items reference, made once for repeated ids: a backlog's items name the same few
/// hundred anatomy ids over and over, so each reference would otherwise be a new string that lives only until it is
/// looked up. A fixed table of the last string seen per hash slot: bounded, and a miss only costs the string. One per
/// worker (<see cref="TextScratch"/>); not thread-safe.</summary>
internal sealed class IdStrings
{
    private const int Slots = 1024;

    private string?[]? _strings;

    /// <summary><paramref name="id"/> as a string: the one made before for the same characters when its slot still
    /// holds it.</summary>
    public string Of(ReadOnlySpan<char> id)
    {
        var strings = _strings ??= new string?[Slots];
        ref var slot = ref strings[(int)(Fnv1a.Of(id) & (Slots - 1))];
        if (slot is not null && id.SequenceEqual(slot))
        {
            return slot;
        }

        return slot = id.ToString();
    }
}
