using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>An item with its own references resolved against the anatomy (<see cref="LinkageEngine.Prepare(WorkItem)"/>): the
/// element indices it names itself (sorted), the ids the anatomy does not know, its parent and linked items, the terms
/// its suggestions are ranked on, and its diagnostics so far. Opaque outside the engine.</summary>
public sealed class PreparedItem
{
    private readonly string _title;
    private readonly BodyFormat _bodyFormat;
    private readonly bool _isOpen;
    private WorkItem? _item;

    /// <param name="item">The work item.</param>
    /// <param name="keepItem">Whether <see cref="Item"/> is <paramref name="item"/> itself, or (for a batch) a copy of its
    /// identity made when first asked for: until the batch is evaluated, the prepared item holds no work item at all.</param>
    /// <param name="mapped">Diagnostics of the mapping.</param>
    /// <param name="read">Diagnostics of reading the references.</param>
    internal PreparedItem(WorkItem item, bool keepItem, IReadOnlyList<string> mapped, IReadOnlyList<string> read)
    {
        _item = keepItem ? item : null;
        Id = item.Id;
        Source = item.Source;
        Kind = item.Kind;
        IdHash = ItemIdTable.Hash(item.Id);
        _title = item.Title;
        _bodyFormat = item.BodyFormat;
        _isOpen = item.IsOpen;
        if (mapped.Count + read.Count > 0)
        {
            Diagnostics = [.. mapped, .. read];
        }
    }

    /// <summary>The work item (only its identity when prepared for a batch: id, source, kind, title, body format, open).</summary>
    public WorkItem Item => _item ??= new WorkItem
    {
        Id = Id,
        Source = Source,
        Kind = Kind,
        Title = _title,
        BodyFormat = _bodyFormat,
        IsOpen = _isOpen,
    };

    /// <summary>The item's id, as <see cref="WorkItem.Id"/>.</summary>
    public string Id { get; }

    public ItemSource Source { get; }

    public ItemKind Kind { get; }

    public string Title => _title;

    internal int[] Own { get; set; } = [];

    /// <summary><see cref="Own"/> and everything the anatomy implies from it (sorted): an item with no parent and no
    /// linked items has exactly these effective links.</summary>
    internal int[] OwnClosure { get; set; } = [];

    internal List<ElementReference>? Unknown { get; set; }

    /// <summary><see cref="ItemIdTable.Hash"/> of <see cref="Id"/>, computed while preparing.</summary>
    internal int IdHash { get; }

    internal string? ParentId
    {
        get;
        init
        {
            field = value;
            ParentHash = value is null ? 0 : ItemIdTable.Hash(value);
        }
    }

    /// <summary><see cref="ItemIdTable.Hash"/> of <see cref="ParentId"/>.</summary>
    internal int ParentHash { get; private set; }

    internal IReadOnlyList<string> LinkedIds { get; init; } = [];

    internal string? ExemptReason { get; init; }

    internal PolicyRule Rule { get; init; } = null!;

    /// <summary>The item's distinct known terms (title, then body), in order of first appearance; empty when the item
    /// cannot have a gap (exempt, or nothing required).</summary>
    internal int[] Terms { get; set; } = [];

    /// <summary>Problems found so far; null until there is one (most items have none).</summary>
    internal List<string>? Diagnostics { get; private set; }

    internal int Parent { get; set; } = -1;

    /// <summary>Indices of the linked work items found among the items (pull requests only); null when none.</summary>
    internal List<int>? Linked { get; private set; }

    /// <summary>Ids of those linked work items, as the items spell them.</summary>
    internal List<string>? LinkedFound { get; private set; }

    internal Layer Layer { get; set; }

    internal void AddDiagnostic(string diagnostic) => (Diagnostics ??= []).Add(diagnostic);

    internal void AddLinked(int index, string id)
    {
        (Linked ??= []).Add(index);
        (LinkedFound ??= []).Add(id);
    }
}
