using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>An item of a batch once its own references are resolved against the anatomy: its identity, the elements it
/// names and all they imply (its own closure), the ids the anatomy does not know, its parent and linked items, the terms
/// its suggestions are ranked on, and its diagnostics so far. A batch holds one per item until it is evaluated, so what
/// few items have (unknown ids, links, an exemption, diagnostics) sits in one side object made only for them, and small
/// values take a byte each.</summary>
internal sealed class PreparedItem
{
    /// <summary><see cref="Parent"/> of an item without a parent among the batch's items (none named, not found, or
    /// read along a cycle).</summary>
    public const int NoParent = -1;

    private readonly byte _source;
    private readonly byte _kind;
    private byte _layer;
    private Rare? _rare;

    /// <param name="item">The item as read (a worker's draft: read here, never kept).</param>
    /// <param name="references">What it references by itself (its diagnostics follow the mapping's own).</param>
    public PreparedItem(WorkItemDraft item, in ItemReferences references)
        : this(item.Id, item.Source, item.Kind, item.Title)
    {
        Url = item.Url;
        IsClosed = !item.IsOpen;
        ParentId = references.ParentId;
        ParentHash = references.ParentId is null ? 0 : ItemIdTable.Hash(references.ParentId);
        if (references.LinkedItemIds.Count > 0)
        {
            RareData.LinkedIds = references.LinkedItemIds;
        }

        if (item.Diagnostics.Count + references.Diagnostics.Count > 0)
        {
            RareData.Diagnostics = [.. item.Diagnostics, .. references.Diagnostics];
        }
    }

    private PreparedItem(string id, ItemSource source, ItemKind kind, string title)
    {
        Id = id;
        IdHash = ItemIdTable.Hash(id);
        _source = (byte)source;
        _kind = (byte)kind;
        Title = title;
    }

    /// <inheritdoc cref="WorkItem.Id"/>
    public string Id { get; }

    public ItemSource Source => (ItemSource)_source;

    public ItemKind Kind => (ItemKind)_kind;

    public string Title { get; }

    /// <inheritdoc cref="WorkItem.Url"/>
    public string? Url { get; }

    /// <summary>True for an item the platform has closed (a closed issue, a merged or abandoned pull request, a work item
    /// in a completed or removed state).</summary>
    public bool IsClosed { get; }

    /// <summary>True for the line of an entry that could not be read as an item (<see cref="Unreadable"/>).</summary>
    public bool IsUnreadable { get; private init; }

    /// <summary>The deepest layer the item reaches by its own references.</summary>
    public Layer Layer
    {
        get => (Layer)_layer;
        set => _layer = (byte)value;
    }

    /// <summary>The elements the item names itself and all the anatomy implies from them (sorted): an item with no
    /// parent and no linked items has exactly these effective links.</summary>
    public int[] OwnClosure { get; set; } = [];

    /// <summary>Ids the anatomy does not know, each once; null when none.</summary>
    public List<ElementReference>? Unknown => _rare?.Unknown;

    /// <summary><see cref="ItemIdTable.Hash"/> of <see cref="Id"/>, computed while preparing (on the workers).</summary>
    public int IdHash { get; }

    public string? ParentId { get; }

    /// <summary><see cref="ItemIdTable.Hash"/> of <see cref="ParentId"/>.</summary>
    public int ParentHash { get; }

    public IReadOnlyList<string> LinkedIds => _rare?.LinkedIds ?? [];

    /// <summary>Why the item is exempt (an exempt label, a bot author), or null.</summary>
    public string? ExemptReason
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

    /// <summary>The item's rule, or the rules it may take once its trace is known (value-stream scopes).</summary>
    public RuleChoice Rules { get; init; } = null!;

    /// <summary>The item's ranking terms; empty when it cannot have a gap (see <see cref="GapEvaluator.MayHaveGap"/>).</summary>
    public TermIds Terms { get; set; }

    /// <summary>Problems found so far; null until there is one (most items have none).</summary>
    public List<string>? Diagnostics => _rare?.Diagnostics;

    /// <summary>The index of the item's parent among the batch's items, or <see cref="NoParent"/>.</summary>
    public int Parent { get; set; } = NoParent;

    /// <summary>Indices of the linked work items found among the items (pull requests only); null when none.</summary>
    public List<int>? Linked => _rare?.Linked;

    /// <summary>Ids of those linked work items, as the items spell them.</summary>
    public List<string>? LinkedFound => _rare?.LinkedFound;

    /// <summary>The side object, made on first need (once even if two threads ask at once).</summary>
    private Rare RareData => _rare ?? Interlocked.CompareExchange(ref _rare, new Rare(), null) ?? _rare;

    /// <summary>The line of an item that could not be read: its id and platform as far as they could be told, and why.
    /// An item of no kind that links nothing and that nothing links to; never evaluated.</summary>
    public static PreparedItem Unreadable(string id, ItemSource source, string reason)
    {
        var item = new PreparedItem(id, source, ItemKind.Other, "") { IsUnreadable = true };
        item.AddDiagnostic(reason);
        return item;
    }

    /// <summary>Notes an id the anatomy does not know (once per id, whatever its case).</summary>
    public void AddUnknown(ElementReference reference)
    {
        var unknown = RareData.Unknown ??= [];
        foreach (var listed in unknown)
        {
            if (string.Equals(listed.Id, reference.Id, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        unknown.Add(reference);
    }

    public void AddDiagnostic(string diagnostic) => (RareData.Diagnostics ??= []).Add(diagnostic);

    public void AddLinked(int index, string id)
    {
        (RareData.Linked ??= []).Add(index);
        (RareData.LinkedFound ??= []).Add(id);
    }

    /// <summary>What few items have.</summary>
    private sealed class Rare
    {
        public List<ElementReference>? Unknown { get; set; }

        public IReadOnlyList<string>? LinkedIds { get; set; }

        public string? ExemptReason { get; set; }

        public List<string>? Diagnostics { get; set; }

        public List<int>? Linked { get; set; }

        public List<string>? LinkedFound { get; set; }
    }
}
