using System.Numerics;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>Finds items by id (case-insensitive) among a batch, with each id's hash computed ahead (on the workers that
/// prepared the items) so that the one sequential pass over a large backlog only probes: an open-addressing table of
/// item indices, linear probing, twice as many slots as items.</summary>
internal sealed class ItemIdTable
{
    /// <summary>What <see cref="Find"/> answers for an id no item has.</summary>
    public const int NotFound = -1;

    /// <summary>A slot holding no item (slots hold an item's index + 1).</summary>
    private const int EmptySlot = 0;

    private readonly PreparedItem[] _items;
    private readonly int[] _slots;
    private readonly int _mask;

    public ItemIdTable(PreparedItem[] items)
    {
        _items = items;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, items.Length * 2));
        _slots = new int[size];
        _mask = size - 1;
    }

    /// <summary>The hash the table finds ids by.</summary>
    public static int Hash(string id) => StringComparer.OrdinalIgnoreCase.GetHashCode(id);

    /// <summary>Adds item <paramref name="index"/>; false when an item with the same id came first.</summary>
    public bool TryAdd(int index)
    {
        var item = _items[index];
        var slot = item.IdHash & _mask;
        while (_slots[slot] != EmptySlot)
        {
            if (Matches(_slots[slot] - 1, item.Id, item.IdHash))
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

        _slots[slot] = index + 1;
        return true;
    }

    /// <summary>The index of the first item added with <paramref name="id"/> (whose <see cref="Hash"/> is
    /// <paramref name="hash"/>), or <see cref="NotFound"/>.</summary>
    public int Find(string id, int hash)
    {
        var slot = hash & _mask;
        while (_slots[slot] != EmptySlot)
        {
            if (Matches(_slots[slot] - 1, id, hash))
            {
                return _slots[slot] - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return NotFound;
    }

    private bool Matches(int index, string id, int hash) =>
        _items[index].IdHash == hash && string.Equals(_items[index].Id, id, StringComparison.OrdinalIgnoreCase);
}
