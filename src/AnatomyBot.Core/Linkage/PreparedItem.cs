using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>An item with its own references resolved against the anatomy (<see cref="LinkageEngine.Prepare(WorkItem)"/>): the
/// element indices it names itself (sorted), the ids the anatomy does not know, its parent and linked items, the terms
/// its suggestions are ranked on, and its diagnostics so far. Opaque outside the engine.</summary>
public sealed class PreparedItem
{
    internal PreparedItem(WorkItem item, IReadOnlyList<string> mapped, IReadOnlyList<string> read)
    {
        Item = item;
        if (mapped.Count + read.Count > 0)
        {
            Diagnostics = [.. mapped, .. read];
        }
    }

    /// <summary>The work item (only its identity when prepared for a batch).</summary>
    public WorkItem Item { get; }

    internal int[] Own { get; set; } = [];

    internal List<ElementReference>? Unknown { get; set; }

    internal string? ParentId { get; init; }

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
