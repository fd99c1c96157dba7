using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>An item with its own references resolved against the anatomy: the element indices it names itself
/// (sorted), the ids the anatomy does not know, its parent and linked items, and its diagnostics so far.</summary>
internal sealed class PreparedItem(WorkItem item)
{
    public WorkItem Item { get; } = item;

    public int[] Own { get; set; } = [];

    public List<ElementReference>? Unknown { get; set; }

    public string? ParentId { get; set; }

    public IReadOnlyList<string> LinkedIds { get; set; } = [];

    public List<string> Diagnostics { get; } = [.. item.Diagnostics];

    public int Parent { get; set; } = -1;

    /// <summary>Indices of the linked work items found among the items (pull requests only).</summary>
    public List<int> Linked { get; } = [];

    /// <summary>Ids of those linked work items, as the items spell them.</summary>
    public List<string> LinkedFound { get; } = [];

    public int[]? Effective { get; set; }

    public Layer Layer { get; set; }
}
