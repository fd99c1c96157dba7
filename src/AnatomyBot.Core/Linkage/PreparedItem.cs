using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>An item with its own references resolved against the anatomy (<see cref="LinkageEngine.Prepare(WorkItem)"/>): the
/// element indices it names itself (sorted), the ids the anatomy does not know, its parent and linked items, the terms
/// its suggestions are ranked on, and its diagnostics so far. Opaque outside the engine but for its identity.
/// A backlog holds one per item until it is evaluated, so what few items have (unknown ids, links, an exemption,
/// diagnostics, a kept work item) sits in one side object made only for them.</summary>
public sealed class PreparedItem
{
    private readonly string _title;
    // Small values in a byte each, packed together: a backlog holds one prepared item per item.
    private readonly byte _source;
    private readonly byte _kind;
    private readonly byte _bodyFormat;
    private readonly bool _isOpen;
    private byte _layer;
    private Rare? _rare;

    /// <param name="item">The work item as read.</param>
    /// <param name="keep">The work item <see cref="Item"/> returns, or null (a batch) for a copy of its identity made when
    /// first asked for: until the batch is evaluated, the prepared item holds no work item at all.</param>
    /// <param name="read">Diagnostics of reading the references (after the mapping's own, <see cref="WorkItemDraft.Diagnostics"/>).</param>
    internal PreparedItem(WorkItemDraft item, WorkItem? keep, IReadOnlyList<string> read)
    {
        if (keep is not null)
        {
            RareData.Item = keep;
        }

        Id = item.Id;
        _source = (byte)item.Source;
        _kind = (byte)item.Kind;
        IdHash = ItemIdTable.Hash(item.Id);
        _title = item.Title;
        _bodyFormat = (byte)item.BodyFormat;
        _isOpen = item.IsOpen;
        if (item.Diagnostics.Count + read.Count > 0)
        {
            RareData.Diagnostics = [.. item.Diagnostics, .. read];
        }
    }

    /// <summary>The work item (only its identity when prepared for a batch: id, source, kind, title, body format, open).</summary>
    public WorkItem Item => _rare?.Item ?? (RareData.Item = new WorkItem
    {
        Id = Id,
        Source = Source,
        Kind = Kind,
        Title = _title,
        BodyFormat = (BodyFormat)_bodyFormat,
        IsOpen = _isOpen,
    });

    /// <summary>The item's id, as <see cref="WorkItem.Id"/>.</summary>
    public string Id { get; }

    public ItemSource Source => (ItemSource)_source;

    public ItemKind Kind => (ItemKind)_kind;

    public string Title => _title;

    /// <summary>The elements the item names itself and all the anatomy implies from them (sorted): an item with no
    /// parent and no linked items has exactly these effective links.</summary>
    internal int[] OwnClosure { get; set; } = [];

    /// <summary>Ids the anatomy does not know, each once; null when none.</summary>
    internal List<ElementReference>? Unknown => _rare?.Unknown;

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

    internal IReadOnlyList<string> LinkedIds
    {
        get => _rare?.LinkedIds ?? [];
        init
        {
            if (value.Count > 0)
            {
                RareData.LinkedIds = value;
            }
        }
    }

    internal string? ExemptReason
    {
        get => _rare?.ExemptReason;
        init
        {
            if (value is not null)
            {
                RareData.ExemptReason = value;
            }
        }
    }

    internal PolicyRule Rule { get; init; } = null!;

    /// <summary>The item's distinct known terms (title, then body), in order of first appearance; empty when the item
    /// cannot have a gap (exempt, or nothing required).</summary>
    internal TermIds Terms { get; set; }

    /// <summary>Problems found so far; null until there is one (most items have none).</summary>
    internal List<string>? Diagnostics => _rare?.Diagnostics;

    internal int Parent { get; set; } = -1;

    /// <summary>Indices of the linked work items found among the items (pull requests only); null when none.</summary>
    internal List<int>? Linked => _rare?.Linked;

    /// <summary>Ids of those linked work items, as the items spell them.</summary>
    internal List<string>? LinkedFound => _rare?.LinkedFound;

    internal Layer Layer
    {
        get => (Layer)_layer;
        set => _layer = (byte)value;
    }

    /// <summary>The side object, made on first need (once even if two threads ask at once: a work item may be asked for
    /// from several).</summary>
    private Rare RareData => _rare ?? Interlocked.CompareExchange(ref _rare, new Rare(), null) ?? _rare;

    internal void AddUnknown(ElementReference reference) => (RareData.Unknown ??= []).Add(reference);

    internal void AddDiagnostic(string diagnostic) => (RareData.Diagnostics ??= []).Add(diagnostic);

    internal void AddLinked(int index, string id)
    {
        (RareData.Linked ??= []).Add(index);
        (RareData.LinkedFound ??= []).Add(id);
    }

    /// <summary>What few items have.</summary>
    private sealed class Rare
    {
        public WorkItem? Item { get; set; }

        public List<ElementReference>? Unknown { get; set; }

        public IReadOnlyList<string>? LinkedIds { get; set; }

        public string? ExemptReason { get; set; }

        public List<string>? Diagnostics { get; set; }

        public List<int>? Linked { get; set; }

        public List<string>? LinkedFound { get; set; }
    }
}
